package dev.stagecheck.demo;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Wires every page of the site into one {@link Router}, then lets {@link FaultInjection} wrap the
 * routes its faults live on: the one place where handlers are swapped or wrapped.
 */
final class DemoRoutes {

    private DemoRoutes() {
    }

    /** What the routes share beyond the options: sessions, error pages, layout, fault switch and log. */
    record Parts(SessionStore sessions, ErrorPages errors, Layout layout, FaultSwitch faults, ServerLog log,
                 StickySessions sticky) {
    }

    static Router build(DemoOptions options, Parts parts) {
        Router router = new Router(parts.errors());
        CatalogPages catalog = new CatalogPages(parts.layout(), options.pages());
        new ContentPages(parts.layout(), catalog).addTo(router);
        catalog.addTo(router);
        new LoginPage(parts.layout(), parts.sessions()).addTo(router);
        new LogoutAction(parts.sessions()).addTo(router);
        new MemberArea(parts.layout(), parts.errors()).addTo(router);
        new AdminArea(parts.layout(), parts.errors()).addTo(router);
        new OrdersApi().addTo(router);
        new ContactPage(parts.layout(), new ContactInbox(), parts.errors()).addTo(router);
        new SearchPage(parts.layout()).addTo(router);
        new StaticAssets().addTo(router);
        router.get(ServerLog.PATH, request -> new Response(200,
                Map.of("Content-Type", "text/plain; charset=utf-8", "Cache-Control", "no-store"),
                parts.log().text().getBytes(StandardCharsets.UTF_8)));
        new FaultInjection(parts.faults(), parts.log(), parts.sticky(), parts.errors()).addTo(router);
        return router;
    }
}
