package dev.stagecheck.demo;

/**
 * Renders the public text pages of {@link SiteContent}: home, section indexes and section pages.
 * The home page also shows the {@link CatalogPages} card when the demo is scaled up.
 */
final class ContentPages {

    private final Layout layout;
    private final CatalogPages catalog;

    ContentPages(Layout layout, CatalogPages catalog) {
        this.layout = layout;
        this.catalog = catalog;
    }

    /** Adds every content route, plus the 301 from {@code /products} to {@code /products/}. */
    void addTo(Router router) {
        router.get("/", this::home);
        for (Section section : SiteContent.SECTIONS) {
            router.get(section.indexPath(), request -> sectionIndex(request, section));
            router.redirect("/" + section.slug(), section.indexPath());
            for (ContentPage page : section.pages()) {
                router.get(page.path(), request -> sectionPage(request, section, page));
            }
        }
    }

    private Response home(Request request) {
        ContentPage home = SiteContent.HOME;
        StringBuilder cards = new StringBuilder();
        for (Section section : SiteContent.SECTIONS) {
            cards.append("""
                      <li class="card">
                        <a href="%s"><img src="%s" alt="%s" width="640" height="240"></a>
                        <h2><a href="%s">%s</a></h2>
                        <p>%s</p>
                      </li>
                    """.formatted(section.indexPath(), section.imagePath(), Html.escape(section.imageAlt()),
                    section.indexPath(), Html.escape(section.name()), Html.escape(section.index().summary())));
        }
        cards.append(catalog.homeCard());
        String main = """
                <h1>%s</h1>
                %s
                <ul class="cards">
                %s</ul>""".formatted(Html.escape(home.heading()), paragraphs(home), cards);
        return layout.page(request, home.title(), main);
    }

    private Response sectionIndex(Request request, Section section) {
        ContentPage index = section.index();
        StringBuilder list = new StringBuilder();
        for (ContentPage page : section.pages()) {
            list.append("  <li><a href=\"").append(page.path()).append("\">").append(Html.escape(page.heading()))
                    .append("</a> <span class=\"summary\">").append(Html.escape(page.summary())).append("</span></li>\n");
        }
        String article = """
                %s
                <p class="lead">%s</p>
                %s
                <ul class="page-list">
                %s</ul>""".formatted(image(section), Html.escape(index.summary()), paragraphs(index), list);
        return layout.page(request, index.title(), sectionMain(index, section, article, request.path()));
    }

    private Response sectionPage(Request request, Section section, ContentPage page) {
        String article = """
                %s
                <p class="lead">%s</p>
                %s""".formatted(image(section), Html.escape(page.summary()), paragraphs(page));
        return layout.page(request, page.title(), sectionMain(page, section, article, request.path()));
    }

    /** The h1 first, then the text beside the section menu (stacked on small screens). */
    private static String sectionMain(ContentPage page, Section section, String articleHtml, String currentPath) {
        return """
                <h1>%s</h1>
                <div class="section-layout">
                <article class="section-article">
                %s
                </article>
                %s
                </div>""".formatted(Html.escape(page.heading()), articleHtml, sectionNav(section, currentPath));
    }

    private static String sectionNav(Section section, String currentPath) {
        StringBuilder links = new StringBuilder();
        for (ContentPage page : section.pages()) {
            links.append("    <li><a href=\"").append(page.path()).append('"')
                    .append(page.path().equals(currentPath) ? " aria-current=\"page\"" : "")
                    .append('>').append(Html.escape(page.heading())).append("</a></li>\n");
        }
        return """
                <nav class="section-nav" aria-label="Section">
                  <p class="section-nav-title">In %s</p>
                  <ul>
                %s  </ul>
                </nav>""".formatted(Html.escape(section.name()), links);
    }

    private static String image(Section section) {
        return "<img class=\"section-image\" src=\"%s\" alt=\"%s\" width=\"640\" height=\"240\">"
                .formatted(section.imagePath(), Html.escape(section.imageAlt()));
    }

    private static String paragraphs(ContentPage page) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : page.paragraphs()) {
            html.append("<p>").append(Html.escape(paragraph)).append("</p>\n");
        }
        return html.toString().stripTrailing();
    }
}
