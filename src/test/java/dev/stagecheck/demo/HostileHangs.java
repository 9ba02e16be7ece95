package dev.stagecheck.demo;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The hostile section's pages that cost time instead of answers: a script that never ends, an
 * image that answers after two minutes, a page that takes five seconds, and two crawl traps (a
 * calendar that links the next month forever, a listing whose pages differ only by a number in the
 * query). Part of {@link HostilePages}, listed on its index, on and off with it.
 */
public final class HostileHangs {

    /** A page whose own script never ends: the tab's renderer is busy for good. */
    public static final String HANG_SCRIPT = HostilePages.ROOT + "/hang-script";
    /** A page whose script fills memory until the tab's renderer dies. */
    public static final String OUT_OF_MEMORY = HostilePages.ROOT + "/out-of-memory";
    /** A page with one image that answers only after {@link #SLOW_IMAGE_SECONDS}. */
    public static final String SLOW_IMAGE = HostilePages.ROOT + "/slow-image";
    public static final String SLOW_IMAGE_FILE = HostilePages.ROOT + "/slow-image.png";
    public static final int SLOW_IMAGE_SECONDS = 120;
    /** A page that answers after {@link #SLOW_PAGE_SECONDS}. */
    public static final String SLOW_PAGE = HostilePages.ROOT + "/slow-page";
    public static final int SLOW_PAGE_SECONDS = 5;
    /** The calendar's months: {@code /hostile/calendar/2026-12} links to {@code /hostile/calendar/2027-01}, forever. */
    public static final String CALENDAR = HostilePages.ROOT + "/calendar/";
    public static final String CALENDAR_START = CALENDAR + "2026-12";
    /** The listing: {@code ?page=N} links to ten pages {@code ?page=10N..10N+9}, each a near-duplicate of the others. */
    public static final String LISTING = HostilePages.ROOT + "/listing";
    public static final String LISTING_START = LISTING + "?page=1";
    public static final int LISTING_FAN_OUT = 10;

    /** What the index lists: path, heading, what it does. */
    public record Entry(String path, String heading, String does) {
        /** The calm page this case links to, crawled after it. */
        public String afterPath() {
            return HostilePages.ROOT + "/after-" + path.substring(HostilePages.ROOT.length() + 1).replaceAll("[^a-z-].*", "");
        }
    }

    public static final List<Entry> ENTRIES = List.of(
            new Entry(HANG_SCRIPT, "A script that never ends", "runs while(true){} after its links, so the tab never answers again"),
            new Entry(OUT_OF_MEMORY, "A page that runs out of memory", "fills memory after its links until its tab dies"),
            new Entry(SLOW_IMAGE, "An image that hangs", "shows an image that answers only after " + SLOW_IMAGE_SECONDS + " s"),
            new Entry(SLOW_PAGE, "A slow page", "takes " + SLOW_PAGE_SECONDS + " s to answer"),
            new Entry(CALENDAR_START, "A calendar without end", "links to the next month, forever (an infinite URL space)"),
            new Entry(LISTING_START, "A listing of near-duplicates",
                    "links to " + LISTING_FAN_OUT + " more listing pages that differ only by ?page=N (a crawl trap)"));

    /** True for a URL of one of these cases (its files, months and listing pages too). */
    public static boolean covers(String url) {
        var path = java.net.URI.create(url).getPath();
        return path != null && (path.equals(HANG_SCRIPT) || path.equals(OUT_OF_MEMORY) || path.startsWith(SLOW_IMAGE) || path.equals(SLOW_PAGE)
                || path.startsWith(CALENDAR) || path.equals(LISTING));
    }

    private final Layout layout;

    HostileHangs(Layout layout) {
        this.layout = layout;
    }

    /** The answer for one of these pages, or empty when the path is not one of them. */
    Optional<Response> answer(Request request) {
        var path = request.path();
        for (var entry : ENTRIES) {
            if (path.equals(entry.afterPath())) {
                return Optional.of(calm(request, "After: " + entry.heading(), "A calm page, crawled after the one that " + entry.does() + "."));
            }
        }
        if (path.equals(HANG_SCRIPT)) {
            // The links come first, so a crawl could read them; the script then holds the renderer for good.
            return Optional.of(page(request, ENTRIES.get(0), "<script>while (true) {}</script>"));
        }
        if (path.equals(OUT_OF_MEMORY)) {
            // Arrays of numbers, kept: the renderer's JavaScript heap reaches its limit within seconds and the tab dies.
            return Optional.of(page(request, ENTRIES.get(1),
                    "<script>const hoard = []; for (;;) { hoard.push(new Array(1 << 24).fill(Math.random())); }</script>"));
        }
        if (path.equals(SLOW_IMAGE)) {
            return Optional.of(page(request, ENTRIES.get(2), "<p><img src=\"" + SLOW_IMAGE_FILE + "\" alt=\"Our team\" width=\"40\" height=\"40\"></p>"));
        }
        if (path.equals(SLOW_IMAGE_FILE)) {
            hold(TimeUnit.SECONDS.toMillis(SLOW_IMAGE_SECONDS));
            return Optional.of(new Response(200, java.util.Map.of("Content-Type", "image/svg+xml"),
                    SiteImages.LOGO.getBytes(java.nio.charset.StandardCharsets.UTF_8)).noStore());
        }
        if (path.equals(SLOW_PAGE)) {
            hold(TimeUnit.SECONDS.toMillis(SLOW_PAGE_SECONDS));
            return Optional.of(page(request, ENTRIES.get(3), ""));
        }
        if (path.startsWith(CALENDAR)) {
            return calendar(request, path.substring(CALENDAR.length()));
        }
        if (path.equals(LISTING)) {
            return Optional.of(listing(request));
        }
        return Optional.empty();
    }

    private Optional<Response> calendar(Request request, String month) {
        if (!month.matches("\\d{4}-\\d{2}")) {
            return Optional.empty();
        }
        var year = Integer.parseInt(month.substring(0, 4));
        var number = Integer.parseInt(month.substring(5));
        if (number < 1 || number > 12) {
            return Optional.empty();
        }
        var next = number == 12 ? String.format("%04d-01", year + 1) : String.format("%04d-%02d", year, number + 1);
        var main = """
                <h1>Events in %s</h1>
                <p>No events this month.</p>
                <p><a href="%s%s">Next month</a> or <a href="%s">back to the hostile pages</a>.</p>""".formatted(
                month, CALENDAR, next, HostilePages.INDEX);
        return Optional.of(layout.page(request, PageTitle.of("Events " + month, "Hostile pages"), main).noStore());
    }

    private Response listing(Request request) {
        long number;
        try {
            number = Long.parseLong(request.queryParam("page").orElse("1"));
        } catch (NumberFormatException e) {
            number = 1;
        }
        var links = new StringBuilder();
        for (var i = 0; i < LISTING_FAN_OUT; i++) {
            var next = number * LISTING_FAN_OUT + i;
            links.append("  <li><a href=\"").append(LISTING).append("?page=").append(next).append("\">Page ").append(next).append("</a></li>\n");
        }
        var main = """
                <h1>Listing, page %d</h1>
                <ul class="page-list">
                %s</ul>
                <p><a href="%s">Back to the hostile pages</a></p>""".formatted(number, links, HostilePages.INDEX);
        return layout.page(request, PageTitle.of("Listing page " + number, "Hostile pages"), main).noStore();
    }

    private Response page(Request request, Entry entry, String html) {
        var main = """
                <h1>%s</h1>
                <p class="lead">This page %s.</p>
                <p><a href="%s">On to a calm page</a> or <a href="%s">back to the hostile pages</a>.</p>
                %s""".formatted(Html.escape(entry.heading()), Html.escape(entry.does()), entry.afterPath(), HostilePages.INDEX, html);
        return layout.page(request, PageTitle.of(entry.heading(), "Hostile pages"), main).noStore();
    }

    private Response calm(Request request, String heading, String text) {
        var main = """
                <h1>%s</h1>
                <p>%s</p>
                <p><a href="%s">Back to the hostile pages</a></p>""".formatted(Html.escape(heading), Html.escape(text), HostilePages.INDEX);
        return layout.page(request, PageTitle.of(heading, "Hostile pages"), main).noStore();
    }

    /** A slow backend: holds this request's thread only (closing the site interrupts it). */
    private static void hold(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
