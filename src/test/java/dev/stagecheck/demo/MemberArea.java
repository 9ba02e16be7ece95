package dev.stagecheck.demo;

import java.util.function.BiFunction;

/**
 * {@code /members/...}: pages for a signed-in member. Without a live session every page sends
 * the visitor to the login form and back afterwards. {@code /members/staff} needs a staff role
 * the demo member lacks: it is the site's deliberate 403, which a checklist must not call a 401.
 */
final class MemberArea {

    private final Layout layout;
    private final ErrorPages errors;

    MemberArea(Layout layout, ErrorPages errors) {
        this.layout = layout;
        this.errors = errors;
    }

    void addTo(Router router) {
        router.redirect("/members", "/members/");
        router.get("/members/", signedIn(this::home));
        router.get("/members/orders", signedIn(this::orders));
        router.get("/members/profile", signedIn(this::profile));
        router.get("/members/staff", signedIn((request, session) -> session.staff() ? staff(request, session) : errors.forbidden(request,
                "This page needs the staff role. Your account is a member account without it.")));
    }

    /**
     * Wraps a page that needs a session: no session, no page, just the way to the login form.
     * {@link ManageArea} wraps its pages with it too, so both areas send visitors away alike.
     */
    static Handler signedIn(BiFunction<Request, Session, Response> page) {
        return request -> request.session()
                .map(session -> page.apply(request, session).noStore())
                .orElseGet(() -> Response.seeOther("/login?next=" + UrlEncoded.encode(request.path())).noStore());
    }

    private Response home(Request request, Session session) {
        String main = """
                <h1>Members</h1>
                %s
                <p>This is your member area. From here you can check your orders or your profile.</p>
                %s""".formatted(greeting(session), memberNav(request.path()));
        return layout.page(request, PageTitle.of("Members"), main);
    }

    /** The staff notes: for the staff role only. */
    static final String STAFF_NOTES = "staff-notes";

    Response staff(Request request, Session session) {
        String main = """
                <h1>Staff notes</h1>
                %s
                %s
                <p class="%s">Stock count on Friday; the partner report goes out on Monday.</p>""".formatted(greeting(session),
                memberNav(request.path()), STAFF_NOTES);
        return layout.page(request, PageTitle.of("Staff notes", "Members"), main);
    }

    private Response orders(Request request, Session session) {
        StringBuilder rows = new StringBuilder();
        for (DemoOrders.Order order : DemoOrders.ALL) {
            rows.append("    <tr><td>%s</td><td>%s</td><td>%d</td><td>%s</td><td>%s</td></tr>\n".formatted(
                    Html.escape(order.id()), Html.escape(order.product()), order.quantity(),
                    Html.escape(order.total()), Html.escape(order.status())));
        }
        String main = """
                <h1>Your orders</h1>
                %s
                %s
                <div class="table-wrap">
                <table class="orders">
                  <thead><tr><th scope="col">Order</th><th scope="col">Product</th><th scope="col">Quantity</th><th scope="col">Total</th><th scope="col">Status</th></tr></thead>
                  <tbody>
                %s  </tbody>
                </table>
                </div>""".formatted(greeting(session), memberNav(request.path()), rows);
        return layout.page(request, PageTitle.of("Orders", "Members"), main);
    }

    private Response profile(Request request, Session session) {
        String main = """
                <h1>Your profile</h1>
                %s
                %s
                <dl class="profile">
                  <dt>Name</dt><dd>%s</dd>
                  <dt>Email</dt><dd>%s</dd>
                  <dt>Role</dt><dd>Member</dd>
                </dl>""".formatted(greeting(session), memberNav(request.path()),
                Html.escape(session.displayName()), Html.escape(session.email()));
        return layout.page(request, PageTitle.of("Profile", "Members"), main);
    }

    static String greeting(Session session) {
        return "<p class=\"member-greeting\">Welcome back, " + Html.escape(session.displayName()) + "</p>";
    }

    /**
     * Member links; deliberately without the staff page, so a crawler does not walk into the 403,
     * and deliberately with the editor area, so a careless crawler does walk into its action links.
     */
    static String memberNav(String currentPath) {
        StringBuilder links = new StringBuilder();
        String[][] pages = {{"/members/", "Overview"}, {"/members/orders", "Orders"}, {"/members/profile", "Profile"},
                {ManageArea.ROOT, "Manage content"}};
        for (String[] page : pages) {
            links.append("<a href=\"").append(page[0]).append('"')
                    .append(page[0].equals(currentPath) ? " aria-current=\"page\"" : "")
                    .append('>').append(page[1]).append("</a> ");
        }
        return "<nav class=\"member-nav\" aria-label=\"Member area\">" + links.toString().strip() + "</nav>";
    }
}
