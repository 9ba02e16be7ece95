package dev.stagecheck.demo;

/**
 * An old page its owner keeps as it was published: the 2019 changelog, linked from the API guide,
 * still links to the 2019 release notes, which were removed on purpose and answer 404. A known,
 * accepted problem: the demo profile's accept line covers that one broken link, so the clean
 * demo stays green and lists it as accepted ({@link Fault#ACCEPTED_PAGE_500} shows the accept is narrow).
 */
final class Changelog2019 {

    static final String PAGE = "/docs/changelog-2019";
    static final String REMOVED_NOTES = "/docs/release-notes-2019";

    private static final String LINK_FROM_API_GUIDE = "<p>Still on the 2019 API? See <a href=\"" + PAGE
            + "\">the 2019 changelog</a>.</p>\n";

    private final Layout layout;
    private final ErrorPages errors;

    Changelog2019(Layout layout, ErrorPages errors) {
        this.layout = layout;
        this.errors = errors;
    }

    /**
     * The page, and its link from the API guide (added before). The release notes answer the site's
     * 404 page like any missing page; a route of their own only so a fault can wrap it.
     */
    void addTo(Router router) {
        router.get(PAGE, this::page);
        router.get(REMOVED_NOTES, errors::notFound);
        router.wrap("GET", "/docs/api-guide", guide -> request -> guide.handle(request).insertBefore("</article>", LINK_FROM_API_GUIDE));
    }

    private Response page(Request request) {
        String main = """
                <h1>Changelog 2019</h1>
                <p class="lead">What changed in the widgets during 2019, kept as it was published.</p>
                <ul class="page-list">
                  <li>Widget 1.2: the orders API answers in JSON. <a href="%s">Release notes</a></li>
                  <li>Widget 1.1: search finds pages by their summary too.</li>
                </ul>""".formatted(REMOVED_NOTES);
        return layout.page(request, PageTitle.of("Changelog 2019", "Docs"), main);
    }
}
