package dev.stagecheck.demo;

import java.util.List;

/**
 * {@code /search?q=...}: always 200. Finds content pages whose title or text contains the query,
 * ignoring case, and echoes the query (escaped) in the heading so a test can look for it.
 */
final class SearchPage {

    private static final String OPEN_QUOTE = "\u201c";
    private static final String CLOSE_QUOTE = "\u201d";

    private final Layout layout;

    SearchPage(Layout layout) {
        this.layout = layout;
    }

    void addTo(Router router) {
        router.get("/search", this::search);
    }

    private Response search(Request request) {
        String query = request.queryParam("q").orElse("");
        String main = query.isBlank() ? emptyQuery() : results(query);
        return layout.page(request, PageTitle.of("Search"), main);
    }

    private static String emptyQuery() {
        return """
                <section class="search-results">
                <h1>Search</h1>
                <p class="search-hint">Type a word into the search box to find pages, for example &ldquo;pricing&rdquo;.</p>
                </section>""";
    }

    private static String results(String query) {
        String quoted = OPEN_QUOTE + Html.escape(query) + CLOSE_QUOTE;
        List<ContentPage> hits = SiteContent.allPages().stream().filter(page -> page.mentions(query.strip())).toList();
        StringBuilder body = new StringBuilder();
        if (hits.isEmpty()) {
            body.append("<p class=\"no-results\">No pages match ").append(quoted).append(".</p>\n");
        } else {
            body.append("<ol class=\"result-list\">\n");
            for (ContentPage page : hits) {
                body.append("  <li><a href=\"").append(page.path()).append("\">").append(Html.escape(page.heading()))
                        .append("</a></li>\n");
            }
            body.append("</ol>\n");
        }
        return """
                <section class="search-results">
                <h1>Results for %s</h1>
                %s</section>""".formatted(quoted, body);
    }
}
