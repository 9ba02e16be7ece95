package dev.stagecheck.demo;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The downloads page of the docs and the files it links to: an archive served as an attachment, a
 * PDF, the address of the latest release (a redirect to the archive, so the browser itself meets a
 * download) and checksums marked with the {@code download} attribute. A real site's file links
 * come in these shapes; a checker must read each as a file link, never as a page that did not load.
 * The install guide links here.
 */
final class Downloads {

    static final String PAGE = "/docs/downloads";
    static final String ARCHIVE = "/downloads/widget-1.4.zip";
    static final String DATASHEET = "/downloads/widget-datasheet.pdf";
    static final String LATEST = "/downloads/latest";
    static final String CHECKSUMS = "/downloads/checksums";
    /**
     * A page of the admin area linked from this public page, as real sites link their staff pages:
     * every visitor gets the area's 401, which the demo profile declares with protected.1.area.
     */
    static final String STATISTICS = "/admin/reports/downloads";

    /** An empty zip archive: just its end-of-central-directory record. */
    private static final byte[] EMPTY_ZIP = {0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    /** A one-page PDF with no content: enough for a viewer to open. */
    private static final String PDF = """
            %PDF-1.4
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
            3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
            trailer << /Root 1 0 R >>
            %%EOF
            """;

    private static final String LINK_FROM_INSTALL = "<p>Get the archive and the datasheet from <a href=\"" + PAGE
            + "\">the downloads page</a>.</p>\n";

    private final Layout layout;

    Downloads(Layout layout) {
        this.layout = layout;
    }

    /** The page and its files; the install guide, added before, gets its link here. */
    void addTo(Router router) {
        router.get(PAGE, this::page);
        router.get(ARCHIVE, request -> file("application/octet-stream", "widget-1.4.zip", EMPTY_ZIP));
        router.get(DATASHEET, request -> new Response(200, Map.of("Content-Type", "application/pdf"),
                PDF.getBytes(StandardCharsets.US_ASCII)));
        router.get(LATEST, request -> new Response(302, Map.of("Location", ARCHIVE), new byte[0]));
        router.get(CHECKSUMS, request -> file("text/plain; charset=utf-8", "widget-1.4.sha256",
                ("0000000000000000000000000000000000000000000000000000000000000000  widget-1.4.zip\n").getBytes(StandardCharsets.UTF_8)));
        router.wrap("GET", "/docs/install", install -> request -> install.handle(request).insertBefore("</article>", LINK_FROM_INSTALL));
    }

    private Response page(Request request) {
        String main = """
                <h1>Downloads</h1>
                <p class="lead">The widget, its datasheet and the checksums of every release.</p>
                <ul class="page-list">
                  <li><a href="%s">Widget 1.4</a> <span class="summary">zip archive</span></li>
                  <li><a href="%s">Datasheet</a> <span class="summary">PDF, one page</span></li>
                  <li><a href="%s">Latest release</a> <span class="summary">always the newest archive</span></li>
                  <li><a href="%s" download>Checksums</a> <span class="summary">SHA-256, plain text</span></li>
                  <li><a href="%s">Download statistics</a> <span class="summary">staff only: asks for the admin password</span></li>
                  <li><a href="%s/">Release reports</a> <span class="summary">for partners: user name and password (HTTP Digest)</span></li>
                </ul>""".formatted(ARCHIVE, DATASHEET, LATEST, CHECKSUMS, STATISTICS, ReportsArea.ROOT);
        return layout.page(request, PageTitle.of("Downloads", "Docs"), main);
    }

    private static Response file(String contentType, String name, byte[] bytes) {
        return new Response(200, Map.of("Content-Type", contentType, "Content-Disposition", "attachment; filename=\"" + name + "\""), bytes);
    }
}
