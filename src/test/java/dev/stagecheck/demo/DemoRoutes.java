package dev.stagecheck.demo;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Wires every page of the site into one {@link Router}, then lets {@link FaultInjection} wrap the
 * routes its faults live on: the one place where handlers are swapped or wrapped.
 */
final class DemoRoutes {

    /** The site's changeable state as text, for a run in another JVM to check over HTTP. */
    static final String STATE_PATH = "/_demo/state";

    private DemoRoutes() {
    }

    /**
     * What the routes share beyond the options: sessions, error pages, layout, fault switch, log,
     * the state a self-test reads back (editor content, contact inbox) and the hostile section's switch.
     */
    record Parts(SessionStore sessions, ErrorPages errors, Layout layout, FaultSwitch faults, ServerLog log,
                 StickySessions sticky, ManagedContent content, ContactInbox inbox, HostileSwitch hostile) {
    }

    static Router build(DemoOptions options, Parts parts) {
        Router router = new Router(parts.errors());
        CatalogPages catalog = new CatalogPages(parts.layout(), options.pages());
        new ContentPages(parts.layout(), catalog).addTo(router);
        catalog.addTo(router);
        new LoginPage(parts.layout(), parts.sessions()).addTo(router);
        new LogoutAction(parts.sessions()).addTo(router);
        new MemberArea(parts.layout(), parts.errors()).addTo(router);
        new ManageArea(parts.layout(), parts.errors(), parts.sessions(), parts.content(), new Nonces()).addTo(router);
        new AdminArea(parts.layout(), parts.errors()).addTo(router);
        ReportsArea reports = new ReportsArea(parts.layout(), parts.errors());
        reports.addTo(router);
        new OrdersApi().addTo(router);
        new StockApi().addTo(router);
        new ContactPage(parts.layout(), parts.inbox(), parts.errors()).addTo(router);
        new SearchPage(parts.layout()).addTo(router);
        new StaticAssets().addTo(router);
        new Downloads(parts.layout()).addTo(router);
        new Changelog2019(parts.layout(), parts.errors()).addTo(router);
        new StatusPages(parts.layout()).addTo(router);
        new PartnerPages(parts.layout()).addTo(router);
        new HostilePages(parts.layout(), parts.errors(), parts.hostile()).addTo(router);
        router.get(ServerLog.PATH, request -> new Response(200,
                Map.of("Content-Type", "text/plain; charset=utf-8", "Cache-Control", "no-store"),
                parts.log().text().getBytes(StandardCharsets.UTF_8)));
        router.get(STATE_PATH, request -> new Response(200,
                Map.of("Content-Type", "text/plain; charset=utf-8", "Cache-Control", "no-store"),
                state(parts).getBytes(StandardCharsets.UTF_8)));
        new FaultInjection(parts.faults(), parts.log(), parts.sticky(), parts.errors(), reports).addTo(router);
        return router;
    }

    /**
     * {@link ManagedContent#snapshot()}, then {@code contact messages: N}, then {@code live sessions: N}
     * last; every line ends in a newline.
     */
    static String state(Parts parts) {
        return parts.content().snapshot()
                + "contact messages: " + parts.inbox().count() + "\n"
                + "live sessions: " + parts.sessions().liveCount() + "\n";
    }
}
