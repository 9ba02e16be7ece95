package dev.stagecheck.demo;

import java.util.List;

/**
 * The demo's hostile section: pages that behave as real sites do on a bad day, one case per page,
 * each with the finding a good kit gives. Off by default ({@code -Ddemo.hostile=true} or
 * {@link DemoSite#hostile(boolean)} switches it on); while off, {@code /hostile/...} answers 404
 * and nothing links there. While on, the main menu links to {@link #INDEX}, which greets every
 * visitor with an {@code alert()} itself, so the navigation and device checks meet a dialog too.
 *
 * <p>Every case page links to a calm page of its own ({@code /hostile/after-<case>}), so a
 * self-test can see that the crawl went on normally after each one.
 */
public final class HostilePages {

    public static final String ROOT = "/hostile";
    public static final String INDEX = ROOT + "/";
    /** What the section's index page says in its alert. */
    public static final String INDEX_ALERT = "Welcome to the hostile section: every page here misbehaves on purpose.";

    /**
     * One hostile page: where, its heading, what it does (shown on the page and in the index), and
     * the script that does it (or extra HTML).
     */
    public record Case(String slug, String heading, String does, String html) {
        public String path() {
            return ROOT + "/" + slug;
        }

        public String afterPath() {
            return ROOT + "/after-" + slug;
        }
    }

    public static final String ALERT_TEXT = "This page shouts at every visitor.";
    public static final String CONFIRM_TEXT = "Allow this page to send you notifications?";
    public static final String PROMPT_TEXT = "What is your name?";
    /** Where the popup page's window.open goes: an offer that was removed (404). */
    public static final String POPUP_TARGET = ROOT + "/offer-expired";
    /** Where the target=_blank link goes: a page that exists. */
    public static final String BLANK_TARGET = ROOT + "/blank-target-page";
    /** What the XHR page asks for in the background: it answers 401 with a Bearer challenge. */
    public static final String XHR_401_TARGET = ROOT + "/api/account";
    /** What the iframe page embeds: a document that answers 401 with a Basic challenge. */
    public static final String FRAME_401_TARGET = ROOT + "/members-frame";

    public static final List<Case> CASES = List.of(
            new Case("alert", "Alert on load", "calls alert() as soon as it loads",
                    "<script>alert(\"" + ALERT_TEXT + "\");</script>"),
            new Case("confirm", "Confirm on load", "asks confirm() as soon as it loads",
                    "<script>confirm(\"" + CONFIRM_TEXT + "\");</script>"),
            new Case("prompt", "Prompt on load", "asks prompt() for a name as soon as it loads",
                    "<script>prompt(\"" + PROMPT_TEXT + "\", \"visitor\");</script>"),
            new Case("beforeunload", "Leave site?", "asks \"Leave site?\" (a beforeunload handler) when a visitor who clicked on it leaves",
                    "<p><button type=\"button\" id=\"touch\">Touch me</button> (browsers ask only after a click)</p>"
                            + "<script>addEventListener(\"beforeunload\", function (event) { event.preventDefault(); event.returnValue = \"\"; });</script>"),
            new Case("popup", "Pop-up on load", "opens a pop-up window with window.open() as soon as it loads; the offer it shows was removed (404)",
                    "<script>window.open(\"" + POPUP_TARGET + "\", \"_blank\");</script>"),
            new Case("blank-target", "Link to a new tab", "links to the price list with target=_blank",
                    "<p><a id=\"blank-target-link\" href=\"" + BLANK_TARGET + "\" target=\"_blank\">Open the price list in a new tab</a></p>"),
            new Case("xhr-401", "Background request answered 401", "asks " + XHR_401_TARGET + " for the account in the background, which answers 401",
                    "<p id=\"account\">Loading your account...</p>"
                            + "<script>fetch(\"" + XHR_401_TARGET + "\").then(function (answer) {"
                            + " document.getElementById(\"account\").textContent = answer.ok ? \"Account loaded.\" : \"Account not available.\"; });</script>"),
            new Case("iframe-401", "A frame answered 401", "embeds " + FRAME_401_TARGET + " in an iframe, which answers 401 with a Basic challenge",
                    "<iframe id=\"members-frame\" title=\"Members\" src=\"" + FRAME_401_TARGET + "\" width=\"300\" height=\"80\"></iframe>"));

    /** Every case of the section, this class's and those of its helpers ({@link HostileResponses}, {@link HostileContent}). */
    public static List<Case> all() {
        return java.util.stream.Stream.of(CASES, HostileResponses.CASES, HostileContent.CASES).flatMap(List::stream).toList();
    }

    private final Layout layout;
    private final ErrorPages errors;
    private final HostileSwitch on;
    private final HostileHangs hangs;

    HostilePages(Layout layout, ErrorPages errors, HostileSwitch on) {
        this.layout = layout;
        this.errors = errors;
        this.on = on;
        this.hangs = new HostileHangs(layout);
    }

    void addTo(Router router) {
        router.getArea(ROOT, this::answer);
    }

    private Response answer(Request request) {
        if (!on.on()) {
            return errors.notFound(request);
        }
        var path = request.path();
        if (path.equals(INDEX)) {
            return index(request);
        }
        if (path.equals(ROOT)) {
            return Response.movedPermanently(INDEX);
        }
        if (path.equals(BLANK_TARGET)) {
            return calm(request, "Price list", "Alpha is free, Beta 29 euros, Gamma 99 euros per project and month.");
        }
        var wire = HostileResponses.answer(request).or(() -> HostileContent.answer(request));
        if (wire.isPresent()) {
            return wire.get();
        }
        if (path.equals(FRAME_401_TARGET)) {
            return Response.html(401, "<!doctype html><title>Sign in</title><p>Members only.</p>")
                    .withHeader("WWW-Authenticate", "Basic realm=\"Hostile frame\"").noStore();
        }
        if (path.equals(XHR_401_TARGET)) {
            return Response.json(401, "{\"error\": \"sign in first\"}").withHeader("WWW-Authenticate", "Bearer realm=\"Hostile API\"").noStore();
        }
        var hang = hangs.answer(request);
        if (hang.isPresent()) {
            return hang.get();
        }
        for (var hostile : all()) {
            if (path.equals(hostile.path())) {
                return casePage(request, hostile);
            }
            if (path.equals(hostile.afterPath())) {
                return calm(request, "After: " + hostile.heading(), "A calm page, crawled after the one that " + hostile.does() + ".");
            }
        }
        return errors.notFound(request); // POPUP_TARGET among them: the offer was removed.
    }

    private Response index(Request request) {
        var list = new StringBuilder();
        for (var hostile : all()) {
            list.append("  <li><a href=\"").append(hostile.path()).append("\">").append(Html.escape(hostile.heading()))
                    .append("</a> <span class=\"summary\">").append(Html.escape(hostile.does())).append("</span></li>\n");
        }
        for (var hang : HostileHangs.ENTRIES) {
            list.append("  <li><a href=\"").append(hang.path()).append("\">").append(Html.escape(hang.heading()))
                    .append("</a> <span class=\"summary\">").append(Html.escape(hang.does())).append("</span></li>\n");
        }
        var main = """
                <h1>Hostile pages</h1>
                <p class="lead">Pages that behave as real sites do on a bad day. This one greeted you with an alert.</p>
                <ul class="page-list">
                %s</ul>
                <script>alert("%s");</script>""".formatted(list, INDEX_ALERT);
        return layout.page(request, PageTitle.of("Hostile pages"), main).noStore();
    }

    private Response casePage(Request request, Case hostile) {
        var main = """
                <h1>%s</h1>
                <p class="lead">This page %s.</p>
                %s
                <p><a href="%s">On to a calm page</a> or <a href="%s">back to the hostile pages</a>.</p>""".formatted(
                Html.escape(hostile.heading()), Html.escape(hostile.does()),
                hostile.html().replace(HostileContent.HOST, request.header("Host").orElse("localhost")), hostile.afterPath(), INDEX);
        return layout.page(request, PageTitle.of(hostile.heading(), "Hostile pages"), main).noStore();
    }

    private Response calm(Request request, String heading, String text) {
        var main = """
                <h1>%s</h1>
                <p>%s</p>
                <p><a href="%s">Back to the hostile pages</a></p>""".formatted(Html.escape(heading), Html.escape(text), INDEX);
        return layout.page(request, PageTitle.of(heading, "Hostile pages"), main).noStore();
    }
}
