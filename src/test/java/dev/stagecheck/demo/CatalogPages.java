package dev.stagecheck.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * The demo scaled up for speed and scale tests ({@code -Ddemo.pages=N}): a catalog of N generated
 * item pages under {@code /catalog/item-1} ... {@code /catalog/item-N}, reached from a card on
 * the home page and the catalog index at {@code /catalog/}. With N = 0 nothing is added and the
 * home page stays as it was, so every other self-test sees the demo unchanged.
 *
 * <p>The items form a tree of {@value #BRANCHING} children per item (item i links to items
 * 6i+1 ... 6i+6, to its parent and to its neighbours), so a breadth-first crawl from {@code /}
 * reaches all of them within few hops: 1,554 items within the demo profile's
 * {@code crawl.max.depth=5}, while each page keeps a handful of links, as real pages do. Every
 * item is a real page: unique title, the shared layout (stylesheet, script, logo, favicon), a
 * section illustration and a small search form, all served by routes that exist already, so the
 * generated pages add no responses but their own. The text is a pure function of the number:
 * two runs of the same N serve byte for byte the same pages.
 */
final class CatalogPages {

    /** More than any crawl we time; keeps a typo like {@code -Ddemo.pages=10000000} from filling the heap. */
    static final int MAX_PAGES = 100_000;
    static final String INDEX = "/catalog/";
    static final int BRANCHING = 6;

    private static final String NAME = "Catalog";
    private static final List<String> IMAGES = List.of("products", "docs", "company");
    private static final List<String> FINISHES = List.of("brushed steel", "oak", "recycled plastic", "glass", "slate");
    private static final List<String> SIZES = List.of("pocket", "desk", "team", "floor", "warehouse", "rack", "wall");

    private final Layout layout;
    private final int pages;

    CatalogPages(Layout layout, int pages) {
        this.layout = layout;
        this.pages = pages;
    }

    static String itemPath(int number) {
        return "/catalog/item-" + number;
    }

    /** Adds the index, its 301 and every item; nothing when the catalog is empty. */
    void addTo(Router router) {
        if (pages == 0) {
            return;
        }
        router.get(INDEX, this::index);
        router.redirect("/catalog", INDEX);
        for (int number = 1; number <= pages; number++) {
            int item = number;
            router.get(itemPath(item), request -> item(request, item));
        }
    }

    /** The home page's card for the catalog, in the markup of the section cards; empty when there is no catalog. */
    String homeCard() {
        if (pages == 0) {
            return "";
        }
        return """
                  <li class="card">
                    <a href="%s"><img src="/assets/img/products.svg" alt="A shelf of catalog items" width="640" height="240"></a>
                    <h2><a href="%s">%s</a></h2>
                    <p>%d generated items, for checking the kit at scale.</p>
                  </li>
                """.formatted(INDEX, INDEX, NAME, pages);
    }

    private Response index(Request request) {
        StringBuilder list = new StringBuilder();
        for (int item = 1; item <= Math.min(BRANCHING, pages); item++) {
            list.append("  <li><a href=\"").append(itemPath(item)).append("\">").append(heading(item))
                    .append("</a> <span class=\"summary\">").append(Html.escape(summary(item))).append("</span></li>\n");
        }
        String main = """
                <h1>%s</h1>
                <p class="lead">%d items, each a page of its own. Start with one of these; every item links to a few more.</p>
                <ul class="page-list">
                %s</ul>""".formatted(NAME, pages, list);
        return layout.page(request, PageTitle.of(NAME), main);
    }

    private Response item(Request request, int item) {
        String image = IMAGES.get(item % IMAGES.size());
        String main = """
                <h1>%s</h1>
                <div class="section-layout">
                <article class="section-article">
                <img class="section-image" src="/assets/img/%s.svg" alt="Illustration of item %d" width="640" height="240">
                <p class="lead">%s</p>
                <p>Item %d of %d in the catalog. Its page is generated, so every run of the same size serves the same text.</p>
                <form class="item-search" action="/search" method="get" role="search">
                  <label for="item-q">Find pages like this one</label>
                  <input id="item-q" name="q" type="search" value="%s" required>
                  <button type="submit">Find</button>
                </form>
                </article>
                <nav class="section-nav" aria-label="Related items">
                  <p class="section-nav-title">Related</p>
                  <ul>
                %s  </ul>
                </nav>
                </div>""".formatted(heading(item), image, item, Html.escape(summary(item)), item, pages,
                Html.escape(FINISHES.get(item % FINISHES.size())), related(item));
        return layout.page(request, PageTitle.of(heading(item), NAME), main);
    }

    /** Up, back, forward, then the children: the tree keeps the crawl shallow, the neighbours make it a web. */
    private String related(int item) {
        List<String> links = new ArrayList<>();
        links.add(item <= BRANCHING ? link(INDEX, "All items") : link(itemPath((item - 1) / BRANCHING), "Up: " + heading((item - 1) / BRANCHING)));
        if (item > 1) {
            links.add(link(itemPath(item - 1), "Previous: " + heading(item - 1)));
        }
        if (item < pages) {
            links.add(link(itemPath(item + 1), "Next: " + heading(item + 1)));
        }
        for (long child = (long) BRANCHING * item + 1; child <= Math.min((long) BRANCHING * item + BRANCHING, pages); child++) {
            links.add(link(itemPath((int) child), heading((int) child)));
        }
        StringBuilder html = new StringBuilder();
        for (String entry : links) {
            html.append("    <li>").append(entry).append("</li>\n");
        }
        return html.toString();
    }

    private static String link(String href, String text) {
        return "<a href=\"" + href + "\">" + Html.escape(text) + "</a>";
    }

    private static String heading(int item) {
        return "Item " + item;
    }

    private static String summary(int item) {
        return "A " + SIZES.get(item % SIZES.size()) + "-size widget in " + FINISHES.get(item % FINISHES.size()) + ".";
    }
}
