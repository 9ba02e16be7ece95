package dev.stagecheck.demo;

/**
 * Wires every page of the site into one {@link Router}. The options arrive here so that later
 * switches (such as injected faults) can swap or wrap handlers in this one place.
 */
final class DemoRoutes {

    private DemoRoutes() {
    }

    static Router build(DemoOptions options, SessionStore sessions, ErrorPages errors, Layout layout) {
        Router router = new Router(errors);
        new ContentPages(layout).addTo(router);
        new LoginPage(layout, sessions).addTo(router);
        new LogoutAction(sessions).addTo(router);
        new MemberArea(layout, errors).addTo(router);
        new AdminArea(layout, errors).addTo(router);
        new OrdersApi().addTo(router);
        new ContactPage(layout, new ContactInbox(), errors).addTo(router);
        new SearchPage(layout).addTo(router);
        new StaticAssets().addTo(router);
        return router;
    }
}
