package dev.stagecheck.demo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code /admin} and everything below it, behind HTTP Basic. This is the site's deliberate 401:
 * without the admin credentials every path here answers 401 with a Basic challenge, so nothing
 * about the area (not even which pages exist) leaks to an anonymous visitor.
 */
final class AdminArea {

    static final String CHALLENGE = "Basic realm=\"Admin Area\", charset=\"UTF-8\"";

    private final Layout layout;
    private final ErrorPages errors;

    AdminArea(Layout layout, ErrorPages errors) {
        this.layout = layout;
        this.errors = errors;
    }

    void addTo(Router router) {
        router.getArea("/admin", this::handle);
    }

    private Response handle(Request request) {
        if (!authorized(request)) {
            return errors.status(request, 401, "The admin area needs the admin user name and password.")
                    .withHeader("WWW-Authenticate", CHALLENGE)
                    .noStore();
        }
        if (request.path().equals(Downloads.STATISTICS)) {
            return layout.page(request, PageTitle.of("Download statistics", "Admin"), """
                    <h1>Download statistics</h1>
                    <p class="admin-summary">Widget 1.4: 212 downloads this month.</p>""").noStore();
        }
        // "/admin" is the dashboard too; other deeper paths do not exist even for the admin.
        if (!request.path().equals("/admin") && !request.path().equals("/admin/")) {
            return errors.notFound(request).noStore();
        }
        String main = """
                <h1>Admin dashboard</h1>
                <p class="admin-summary">3 orders, 1 member, 0 open support tickets.</p>
                <p>Only the admin user can see this page.</p>""";
        // As many real servers answer a personal page: the visitor's own browser may keep it ten
        // minutes. A kit that reuses one browser for several identities must not let it.
        return layout.page(request, PageTitle.of("Admin"), main).withHeader("Cache-Control", "private, max-age=600");
    }

    private static boolean authorized(Request request) {
        return basicCredentials(request)
                .map(userAndPassword -> {
                    int colon = userAndPassword.indexOf(':');
                    if (colon < 0) {
                        return false;
                    }
                    boolean userOk = Secrets.matches(userAndPassword.substring(0, colon), DemoCredentials.ADMIN_USER);
                    boolean passwordOk = Secrets.matches(userAndPassword.substring(colon + 1), DemoCredentials.ADMIN_PASSWORD);
                    return userOk & passwordOk;
                })
                .orElse(false);
    }

    /** The decoded {@code user:password} of an {@code Authorization: Basic ...} header. */
    private static Optional<String> basicCredentials(Request request) {
        return request.header("Authorization")
                .map(String::strip)
                .filter(value -> value.regionMatches(true, 0, "Basic ", 0, 6))
                .flatMap(value -> {
                    try {
                        byte[] decoded = Base64.getDecoder().decode(value.substring(6).strip());
                        return Optional.of(new String(decoded, StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                });
    }
}
