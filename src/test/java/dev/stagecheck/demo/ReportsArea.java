package dev.stagecheck.demo;

import java.time.Clock;

/**
 * {@code /reports} and everything below it, behind HTTP Digest (RFC 7616, SHA-256): the release
 * reports for partners, linked from the downloads page. Without the partner credentials every
 * path here answers 401 with a Digest challenge; with them the browser proves the password
 * without sending it. {@link FaultInjection} can make it refuse the right answer or drop the nonce.
 */
final class ReportsArea {

    static final String ROOT = "/reports";
    static final String REALM = "Reports";

    private final Layout layout;
    private final ErrorPages errors;
    private final DigestAuth digest = new DigestAuth(REALM, DemoCredentials.REPORTS_USER, DemoCredentials.REPORTS_PASSWORD,
            Clock.systemUTC());

    ReportsArea(Layout layout, ErrorPages errors) {
        this.layout = layout;
        this.errors = errors;
    }

    void addTo(Router router) {
        router.getArea(ROOT, this::handle);
    }

    /** The Digest check of this area, for the faults that break it. */
    DigestAuth digest() {
        return digest;
    }

    private Response handle(Request request) {
        var verdict = digest.verify(request);
        if (verdict != DigestAuth.Verdict.RIGHT) {
            return unauthorized(request, verdict == DigestAuth.Verdict.STALE);
        }
        if (!request.path().equals(ROOT) && !request.path().equals(ROOT + "/")) {
            return errors.notFound(request).noStore();
        }
        String main = """
                <h1>Release reports</h1>
                <p class="reports-summary">Widget 1.4: 212 checks, 0 open defects, signed off by the release board.</p>
                <p>Only partners with the reports password can see this page.</p>""";
        return layout.page(request, PageTitle.of("Reports"), main).noStore();
    }

    Response unauthorized(Request request, boolean stale) {
        return errors.status(request, 401, "The release reports need the partner user name and password.")
                .withHeader("WWW-Authenticate", digest.challenge(stale))
                .noStore();
    }
}
