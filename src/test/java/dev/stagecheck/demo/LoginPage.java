package dev.stagecheck.demo;

import java.util.Map;

/**
 * {@code /login}: the member login form and its POST. A wrong password re-renders the form with
 * an error and status 200, never 401 and never a lock-out, so a checklist can try it freely.
 */
final class LoginPage {

    static final String DEFAULT_NEXT = "/members/";
    /** The demo's only member, greeted by this name. */
    static final String MEMBER_NAME = "Member Demo";
    static final String STAFF_NAME = "Staff Demo";

    private final Layout layout;
    private final SessionStore sessions;

    LoginPage(Layout layout, SessionStore sessions) {
        this.layout = layout;
        this.sessions = sessions;
    }

    void addTo(Router router) {
        router.get("/login", this::show);
        router.post("/login", this::submit);
    }

    private Response show(Request request) {
        String next = localPathOrDefault(request.queryParam("next").orElse(null));
        return form(request, "", next, false);
    }

    private Response submit(Request request) {
        Map<String, String> form = request.form();
        String email = form.getOrDefault("email", "");
        String next = localPathOrDefault(form.get("next"));
        Session session;
        if (credentialsMatch(form)) {
            session = sessions.open(DemoCredentials.MEMBER_EMAIL, MEMBER_NAME, false);
        } else if (staffCredentialsMatch(form)) {
            session = sessions.open(DemoCredentials.STAFF_EMAIL, STAFF_NAME, true);
        } else {
            return form(request, email, next, true);
        }
        return Response.seeOther(next).withHeader("Set-Cookie", SessionStore.setCookie(session));
    }

    /** Whether a login form carries the staff member's email and password. */
    static boolean staffCredentialsMatch(Map<String, String> form) {
        boolean emailOk = Secrets.matches(form.getOrDefault("email", "").strip(), DemoCredentials.STAFF_EMAIL);
        boolean passwordOk = Secrets.matches(form.getOrDefault("password", ""), DemoCredentials.STAFF_PASSWORD);
        return emailOk & passwordOk;
    }

    /** Whether a login form carries the member's email and password. */
    static boolean credentialsMatch(Map<String, String> form) {
        // Both checks always run, so a wrong email and a wrong password take the same time.
        boolean emailOk = Secrets.matches(form.getOrDefault("email", "").strip(), DemoCredentials.MEMBER_EMAIL);
        boolean passwordOk = Secrets.matches(form.getOrDefault("password", ""), DemoCredentials.MEMBER_PASSWORD);
        return emailOk & passwordOk;
    }

    private Response form(Request request, String email, String next, boolean failed) {
        String error = failed ? "<p class=\"login-error\" role=\"alert\">Wrong email or password.</p>\n" : "";
        String main = """
                <h1>Log in</h1>
                <p>Members see their orders and profile after logging in.</p>
                %s<form id="login-form" method="post" action="/login">
                  <input type="hidden" name="next" value="%s">
                  <p class="field"><label for="email">Email</label>
                  <input id="email" name="email" type="email" autocomplete="username" value="%s"></p>
                  <p class="field"><label for="password">Password</label>
                  <input id="password" name="password" type="password" autocomplete="current-password"></p>
                  <p><button id="login-submit" type="submit">Log in</button></p>
                </form>""".formatted(error, Html.escape(next), Html.escape(email));
        return layout.page(request, PageTitle.of("Log in"), main).noStore();
    }

    /**
     * Only paths on this site: starting with one "/" (not "//host", not a backslash), so the
     * login form cannot be used to send a visitor to another site after logging in.
     */
    static String localPathOrDefault(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(Character::isISOControl)) {
            return DEFAULT_NEXT;
        }
        return next;
    }
}
