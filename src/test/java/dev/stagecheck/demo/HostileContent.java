package dev.stagecheck.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The hostile section's pages whose content is odd rather than broken: a download and a PDF link,
 * a chain of 15 redirects, a page that refreshes itself every second, a script that moves the
 * visitor on after 100 ms, links of every odd shape, and a 5 MB page with 20,000 links. A good
 * kit crawls past each without a false finding (the 20,000 links, near-duplicates, are one
 * "possible crawl trap"). Routed by {@link HostilePages}, listed in its index.
 */
public final class HostileContent {
    /** {@code /hostile/chain/1} redirects to {@code /2}, and so on; {@code /15} to {@link #CHAIN_END}. */
    public static final String CHAIN = HostilePages.ROOT + "/chain/";
    public static final int CHAIN_HOPS = 15;
    public static final String CHAIN_END = CHAIN + "end";
    /** A page whose meta refresh reloads it every second, for as long as it is shown. */
    public static final String REFRESHING = HostilePages.ROOT + "/refreshing";
    /** Where the script-redirect page sends its visitor after 100 ms. */
    public static final String MOVED_BY_SCRIPT = HostilePages.ROOT + "/moved-by-script";
    /** Every odd link that is a web address lands under this path, on a calm page. */
    public static final String ODD = HostilePages.ROOT + "/odd/";
    /** The web addresses the odd links resolve to, as the browser writes them: each a page to crawl once. */
    public static final List<String> ODD_TARGETS = List.of(ODD + "with%20space", ODD + "caf%C3%A9", ODD + "protocol-relative",
            ODD + "up", ODD + "query?q=1", ODD + "fragment");
    /** The 5 MB page and its links: {@code /hostile/huge/item?n=0} to {@code ?n=19999}. */
    public static final String HUGE = HostilePages.ROOT + "/huge";
    public static final String HUGE_ITEM = HUGE + "/item";
    public static final int HUGE_LINKS = 20_000;
    public static final int HUGE_BYTES = 5 * 1024 * 1024;
    /** Stands for the site's host and port in a case's HTML (a protocol-relative link needs them). */
    static final String HOST = "{host}";

    public static final List<HostilePages.Case> CASES = List.of(
            new HostilePages.Case("download", "A download", "links to " + Downloads.ARCHIVE + ", sent as an attachment",
                    "<p><a id=\"download-link\" href=\"" + Downloads.ARCHIVE + "\">Download the widget</a></p>"),
            new HostilePages.Case("pdf-link", "A PDF", "links to the datasheet " + Downloads.DATASHEET,
                    "<p><a id=\"pdf-link\" href=\"" + Downloads.DATASHEET + "\">The datasheet (PDF)</a></p>"),
            new HostilePages.Case("redirect-chain", "A chain of redirects", "links to " + CHAIN + "1, which redirects " + CHAIN_HOPS
                    + " times before it arrives",
                    "<p><a id=\"chain-link\" href=\"" + CHAIN + "1\">The long way round</a></p>"),
            new HostilePages.Case("meta-refresh", "A page that refreshes itself", "links to " + REFRESHING
                    + ", whose meta refresh reloads it every second",
                    "<p><a id=\"refresh-link\" href=\"" + REFRESHING + "\">The live ticker</a></p>"),
            new HostilePages.Case("script-redirect", "A script redirect", "sends its visitor to " + MOVED_BY_SCRIPT
                    + " with a script, 100 ms after it loads",
                    "<script>setTimeout(function () { location.href = \"" + MOVED_BY_SCRIPT + "\"; }, 100);</script>"),
            new HostilePages.Case("odd-links", "Odd links", "links with javascript:, mailto:, tel: and data: addresses, a space,"
                    + " percent-encoding, a protocol-relative address, ../, a query and fragments",
                    "<ul class=\"page-list\">"
                            + "<li><a href=\"javascript:void(0)\">Nothing</a></li>"
                            + "<li><a href=\"mailto:sales@example.com\">Mail us</a></li>"
                            + "<li><a href=\"tel:+15550100\">Call us</a></li>"
                            + "<li><a href=\"data:text/html,%3Cp%3Ehi%3C/p%3E\">Inline</a></li>"
                            + "<li><a href=\"" + ODD + "with space\">A space</a></li>"
                            + "<li><a href=\"" + ODD + "caf%C3%A9\">Percent-encoded</a></li>"
                            + "<li><a href=\"//" + HOST + ODD + "protocol-relative\">Protocol-relative</a></li>"
                            + "<li><a href=\"odd/sub/../up\">Up a folder</a></li>"
                            + "<li><a href=\"" + ODD + "query?q=1\">With a query</a></li>"
                            + "<li><a href=\"" + ODD + "fragment#part-1\">A fragment</a> and <a href=\"" + ODD + "fragment#part-2\">another</a></li>"
                            + "<li><a href=\"#top\">Back to the top</a></li></ul>"),
            new HostilePages.Case("huge-page", "A huge page", "links to " + HUGE + ", 5 MB with " + HUGE_LINKS + " links",
                    "<p><a id=\"huge-link\" href=\"" + HUGE + "\">The full catalog</a></p>"));

    private static volatile byte[] huge;

    private HostileContent() {
    }

    /** The answer for one of these URLs; empty for any other path. */
    static Optional<Response> answer(Request request) {
        var path = request.path();
        if (path.startsWith(CHAIN)) {
            return chain(path.substring(CHAIN.length()));
        }
        if (path.equals(REFRESHING)) {
            return Optional.of(Response.html(200, "<!doctype html><html><head><meta http-equiv=\"refresh\" content=\"1\">"
                    + "<title>The live ticker</title></head><body><h1>The live ticker</h1><p>Refreshed every second.</p></body></html>").noStore());
        }
        if (path.equals(MOVED_BY_SCRIPT) || path.startsWith(ODD)) {
            return Optional.of(Response.html(200, "<!doctype html><title>Arrived</title><h1>Arrived</h1><p>A calm page at " + Html.escape(path) + ".</p>"));
        }
        if (path.equals(HUGE)) {
            return Optional.of(new Response(200, java.util.Map.of("Content-Type", Response.HTML), huge()));
        }
        if (path.equals(HUGE_ITEM)) {
            return Optional.of(Response.html(200, "<!doctype html><title>Item</title><h1>Item " + Html.escape(request.queryParam("n").orElse("?"))
                    + "</h1>"));
        }
        return Optional.empty();
    }

    private static Optional<Response> chain(String step) {
        if (step.equals("end")) {
            return Optional.of(Response.html(200, "<!doctype html><title>End of the chain</title><h1>End of the chain</h1>").noStore());
        }
        if (!step.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        var hop = Integer.parseInt(step);
        if (hop < 1 || hop > CHAIN_HOPS) {
            return Optional.empty();
        }
        var next = hop == CHAIN_HOPS ? CHAIN_END : CHAIN + (hop + 1);
        return Optional.of(new Response(302, java.util.Map.of("Location", next, "Cache-Control", "no-store"), new byte[0]));
    }

    /** Built once: 20,000 links to near-duplicate items, padded with text to 5 MB. */
    private static byte[] huge() {
        if (huge == null) {
            synchronized (HostileContent.class) {
                if (huge == null) {
                    var html = new StringBuilder(HUGE_BYTES + 4096)
                            .append("<!doctype html><html><head><title>The full catalog</title></head><body><h1>The full catalog</h1><ul>\n");
                    var filler = "Sturdy, light and easy to fit; ships in two days. ".repeat(4);
                    for (var n = 0; n < HUGE_LINKS; n++) {
                        html.append("<li><a href=\"").append(HUGE_ITEM).append("?n=").append(n).append("\">Item ").append(n).append("</a> ")
                                .append(filler).append("</li>\n");
                    }
                    html.append("</ul>\n");
                    var fill = "<p>" + filler + "</p>\n";
                    while (html.length() < HUGE_BYTES) {
                        html.append(fill);
                    }
                    huge = html.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
                }
            }
        }
        return huge;
    }
}
