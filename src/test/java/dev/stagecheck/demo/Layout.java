package dev.stagecheck.demo;

import java.util.List;

/**
 * The shell every HTML page shares: head, header with brand, hamburger, main menu, log-in or
 * log-out link and search, then {@code <main id="content">} and the footer. The selectors here
 * are what the demo site profile ({@code sites/demo.properties}) points at, so keep them stable.
 */
final class Layout {

    /** The main menu, in order. */
    private record MenuLink(String href, String label) {
    }

    private static final List<MenuLink> MENU = List.of(
            new MenuLink("/products/", "Products"),
            new MenuLink("/docs/", "Docs"),
            new MenuLink("/company/", "Company"),
            new MenuLink("/contact", "Contact"),
            new MenuLink("/members/", "Members"));
    /** Shown last, only while the hostile section is on. */
    private static final MenuLink HOSTILE = new MenuLink(HostilePages.INDEX, "Hostile");

    private final HostileSwitch hostile;

    Layout() {
        this(new HostileSwitch(false));
    }

    Layout(HostileSwitch hostile) {
        this.hostile = hostile;
    }

    /** A whole page as a response; {@code mainHtml} must already be escaped. */
    Response page(Request request, int status, String title, String mainHtml) {
        return Response.html(status, render(request, title, mainHtml));
    }

    Response page(Request request, String title, String mainHtml) {
        return page(request, 200, title, mainHtml);
    }

    String render(Request request, String title, String mainHtml) {
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <link rel="icon" href="/favicon.ico">
                <link rel="stylesheet" href="/assets/site.css">
                <script src="/assets/site.js" defer></script>
                </head>
                <body>
                <header class="site-header">
                  <a class="brand" href="/"><img src="/assets/logo.svg" alt="Demo Staging" width="32" height="32"> Demo Staging</a>
                  <button class="menu-toggle" type="button" aria-controls="site-nav" aria-expanded="false">Menu</button>
                  <nav id="site-nav" class="site-nav" aria-label="Main">
                %s  </nav>
                  %s
                  <form class="site-search" action="/search" method="get" role="search"><input type="search" name="q" id="q" placeholder="Search" aria-label="Search"><button type="submit" id="search-submit">Search</button></form>
                </header>
                <main id="content">
                %s
                </main>
                <footer class="site-footer">
                  <p>Demo Staging is the practice site built into stagecheck. Nothing here is for sale. <a href="/partners/">Partner offers</a></p>
                </footer>
                </body>
                </html>
                """.formatted(Html.escape(title), menu(request.path(), hostile.on()), accountLink(request), mainHtml);
    }

    private static String menu(String currentPath, boolean withHostile) {
        StringBuilder html = new StringBuilder();
        List<MenuLink> links = new java.util.ArrayList<>(MENU);
        if (withHostile) {
            links.add(HOSTILE);
        }
        for (MenuLink link : links) {
            // Section links ("/products/") stay current on every page below them.
            boolean current = currentPath.equals(link.href())
                    || (link.href().endsWith("/") && currentPath.startsWith(link.href()));
            html.append("    <a href=\"").append(link.href()).append('"')
                    .append(current ? " aria-current=\"page\"" : "")
                    .append('>').append(link.label()).append("</a>\n");
        }
        return html.toString();
    }

    private static String accountLink(Request request) {
        return request.signedIn()
                ? "<a class=\"logout-link\" href=\"/logout\">Log out</a>"
                : "<a class=\"login-link\" href=\"/login\">Log in</a>";
    }
}
