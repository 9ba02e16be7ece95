package dev.stagecheck.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Builds every {@link Fault} into the site by wrapping the normal handlers: each wrapper asks
 * the {@link FaultSwitch} on every request and, while its fault is off, hands the request to the
 * normal handler unchanged. So the pages themselves know nothing about faults, and a test can
 * switch any of them on a running site.
 */
final class FaultInjection {

    /** The hidden call {@link Fault#SERVER_LOG_401} pretends failed behind the home page. */
    static final String UPSTREAM_FAILURE =
            "upstream GET /internal/recommendations answered 401 Unauthorized (background refresh for /)";
    static final String OLD_INSTALL_GUIDE = "/docs/old-install-guide";
    static final String GAMMA_ERROR = "demo fault: gamma widget failed";
    static final long SLOW_PAGE_MILLIS = 2_500;
    /** Longer than the demo profile's crawl.page.budget (2 s), far below the page timeout. */
    static final long SLOW_REQUEST_MILLIS = 5_000;
    private static final String STATUS_LINK = "<p class=\"status-link\"><a href=\"" + StatusPages.LIVE_PATH + "\">Live status</a></p>\n";

    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    /** The demo's control paths (server log, state): not pages of the site, so {@link Fault#SITE_401} leaves them open. */
    private static final String DEMO_PATHS = "/_demo/";

    /** What a web server in front of the site answers for a directory protected by mistake. */
    private static final String SERVER_401_PAGE = """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>401 Unauthorized</title></head>
            <body>
            <h1>Unauthorized</h1>
            <p>This server could not verify that you are authorized to access the document requested.</p>
            </body>
            </html>
            """;

    /**
     * A 301 whose Location header a server rule forgot: browsers show the body and go nowhere. Not
     * to be stored: browsers keep a 301 for good, and the fault must be gone once switched off.
     */
    private static final Response MOVED_WITHOUT_LOCATION = Response.html(301, """
            <!doctype html>
            <html lang="en">
            <head><meta charset="utf-8"><title>301 Moved Permanently</title></head>
            <body><h1>Moved Permanently</h1><p>The document has moved.</p></body>
            </html>
            """).noStore();

    private static final String BROKEN_LINK_PARAGRAPH = "<p>Still on version 1? Read <a href=\""
            + OLD_INSTALL_GUIDE + "\">the old install guide</a> before you upgrade.</p>\n";

    private static final String FAILING_SCRIPT = """
            <script>
            document.addEventListener("DOMContentLoaded", function () {
              throw new Error("%s");
            });
            </script>
            """.formatted(GAMMA_ERROR);

    private static final String WIDE_BANNER = "<div class=\"promo-banner\" style=\"width: 1100px; padding: 1rem;"
            + " background: #fde68a\">Spring offer: all widgets 20% off until the end of the month</div>\n";

    /** The "small screens" rule of a stylesheet change gone wrong: the hamburger is gone, the menu still collapsed. */
    private static final String HIDE_MENU_BUTTON = "<style>@media (max-width: 900px) { .menu-toggle { display: none !important; } }</style>\n";

    /** {@link Fault#SLOW_REQUEST}'s server sessions: one lock per visitor (browser), held while a request of it is served. */
    private final Map<String, ReentrantLock> visitorSessions = new ConcurrentHashMap<>();
    private final FaultSwitch faults;
    private final ServerLog log;
    private final StickySessions sticky;
    private final ErrorPages errors;
    private final ReportsArea reports;

    FaultInjection(FaultSwitch faults, ServerLog log, StickySessions sticky, ErrorPages errors, ReportsArea reports) {
        this.faults = faults;
        this.log = log;
        this.sticky = sticky;
        this.errors = errors;
        this.reports = reports;
    }

    /** Wraps the routes the faults live on; call after every normal route is added. */
    void addTo(Router router) {
        router.wrap("GET", "/company/press", page -> request ->
                faults.on(Fault.PUBLIC_401) ? serverUnauthorized("Press") : page.handle(request));
        router.wrap("GET", "/assets/img/products.svg", asset -> request ->
                faults.on(Fault.ASSET_401) ? serverUnauthorized("Assets") : asset.handle(request));
        router.wrap("POST", "/login", this::login);
        router.wrap("GET", "/logout", logout -> request -> {
            sticky.forget(request);
            // The browser's cookies are cleared, but the server forgets to end the session: a copy of the cookie still gets in.
            return faults.on(Fault.LOGOUT_KEEPS_SESSION) ? Response.seeOther("/").withHeader("Set-Cookie", SessionStore.clearCookie()).noStore()
                    : logout.handle(request);
        });
        // A "you are signed in already" shortcut that trusts the hint cookie, while the member pages trust only the session.
        router.wrap("GET", "/login", login -> request -> faults.on(Fault.EXPIRED_SESSION_LOOP) && !request.signedIn()
                && SessionStore.hasHint(request.headers()) ? Response.seeOther(LoginPage.DEFAULT_NEXT).noStore() : login.handle(request));
        router.wrap("GET", "/members/orders", orders -> request -> faults.on(Fault.MEMBER_PAGE_401) && request.signedIn()
                ? errors.status(request, 401, "Your orders could not be loaded: not authorised.").noStore() : orders.handle(request));
        router.wrap("GET", "/members/profile", profile -> request -> faults.on(Fault.PROFILE_PAGE_OPEN) && !request.signedIn()
                ? profile.handle(asGuest(request)) : profile.handle(request));
        router.wrapArea("/admin", admin -> request -> faults.on(Fault.PROTECTED_AREA_500) && request.path().equals(Downloads.STATISTICS)
                ? errors.status(request, 500, "The statistics service is down.").noStore()
                : adminChallenge(admin.handle(request)));
        router.wrap("GET", StockApi.PATH, stock -> request ->
                faults.on(Fault.STOCK_API_OPEN) ? Response.json(200, "{\"widget-1.4\":{\"in_stock\":42}}").noStore() : stock.handle(request));
        router.wrapArea(ReportsArea.ROOT, this::reports);
        router.wrap("GET", "/members/staff", staff -> request ->
                faults.on(Fault.FORBIDDEN_AS_401) && request.signedIn()
                        ? errors.status(request, 401, "This page needs the staff role.")
                                .withHeader(WWW_AUTHENTICATE, "Basic realm=\"Staff\"").noStore()
                        : faults.on(Fault.STAFF_PAGE_OPEN) && request.signedIn()
                        ? staff.handle(asStaff(request))
                        : staff.handle(request));
        router.wrap("GET", "/docs/faq", faq -> request ->
                faults.on(Fault.BROKEN_LINK) ? insertBefore(faq.handle(request), "</article>", BROKEN_LINK_PARAGRAPH)
                        : faq.handle(request));
        router.wrap("POST", "/contact", contact -> request ->
                faults.on(Fault.CONTACT_500)
                        ? errors.status(request, 500, "Something went wrong on our side. Your message was not sent.").noStore()
                        : contact.handle(request));
        router.wrap("GET", "/search", search -> request ->
                faults.on(Fault.SEARCH_500)
                        ? errors.status(request, 500, "Something went wrong on our side. Search is not available.")
                        : search.handle(request));
        router.wrap("GET", "/products/gamma", gamma -> request ->
                faults.on(Fault.CONSOLE_ERROR) ? insertBefore(gamma.handle(request), "</body>", FAILING_SCRIPT)
                        : gamma.handle(request));
        router.wrap("GET", "/api/orders", orders -> request ->
                faults.on(Fault.API_KEY_IGNORED) ? Response.json(200, DemoOrders.json()).noStore() : orders.handle(request));
        router.wrap("GET", Downloads.ARCHIVE, archive -> request ->
                faults.on(Fault.BROKEN_DOWNLOAD) ? errors.notFound(request).noStore() : archive.handle(request));
        router.wrap("GET", Downloads.LATEST, latest -> request ->
                faults.on(Fault.REDIRECT_WITHOUT_LOCATION) ? MOVED_WITHOUT_LOCATION : latest.handle(request));
        router.wrap("GET", "/docs/install", install -> request -> {
            if (faults.on(Fault.SLOW_PAGE)) {
                slowBackend(SLOW_PAGE_MILLIS);
            }
            return install.handle(request);
        });
        router.wrap("GET", "/", home -> request -> {
            if (faults.on(Fault.SERVER_LOG_401)) {
                log.error(UPSTREAM_FAILURE);
            }
            var page = faults.on(Fault.HIDDEN_MENU) ? insertBefore(home.handle(request), "</head>", HIDE_MENU_BUTTON)
                    : home.handle(request);
            return faults.on(Fault.SLOW_REQUEST) ? insertBefore(page, "</main>", STATUS_LINK) : page;
        });
        for (var path : List.of(StatusPages.LIVE_PATH, StatusPages.HISTORY_PATH, StatusPages.REPORT_PATH)) {
            router.wrap("GET", path, status -> request -> faults.on(Fault.SLOW_REQUEST) ? inVisitorSession(request, status) : status.handle(request));
        }
        router.wrap("GET", "/products/", products -> request ->
                faults.on(Fault.WIDE_PAGE) ? insertBefore(products.handle(request), "</main>", WIDE_BANNER)
                        : products.handle(request));
        router.wrap("GET", Changelog2019.REMOVED_NOTES, notes -> request ->
                faults.on(Fault.ACCEPTED_PAGE_500)
                        ? errors.status(request, 500, "Something went wrong on our side.").noStore() : notes.handle(request));
        router.wrapAll(site -> request -> faults.on(Fault.CORRUPT_SESSION_500) && request.path().startsWith("/members")
                && malformedSessionCookie(request)
                ? errors.status(request, 500, "Something went wrong on our side (the session could not be read).").noStore()
                : site.handle(request));
        // Last, so it stands in front of every other fault; the demo's own /_demo/ paths stay open for the self-tests.
        router.wrapAll(site -> request ->
                faults.on(Fault.SITE_401) && !request.path().startsWith(DEMO_PATHS) ? serverUnauthorized("Staging") : site.handle(request));
    }

    /** The same request from a user with the staff role: {@link Fault#STAFF_PAGE_OPEN}'s missing role check. */
    private static Request asStaff(Request request) {
        var session = request.session().orElseThrow();
        return new Request(request.method(), request.path(), request.rawQuery(), request.headers(), request.body(),
                java.util.Optional.of(new Session(session.id(), session.email(), session.displayName(), true)));
    }

    /** A visitor taken for a signed-in guest: {@link Fault#PROFILE_PAGE_OPEN}'s missing sign-in check. */
    private static Request asGuest(Request request) {
        return new Request(request.method(), request.path(), request.rawQuery(), request.headers(), request.body(),
                java.util.Optional.of(new Session("guest", "guest@demo.test", "Guest", false)));
    }

    /** A session cookie that is no session id at all (32 hex digits), as a corrupted one is. */
    private static boolean malformedSessionCookie(Request request) {
        return SessionStore.valueIn(request.headers()).filter(value -> !value.isEmpty() && !value.matches("[0-9a-f]{32}")).isPresent();
    }

    /** {@link Fault#LOGIN_401} for the right credentials, then {@link Fault#STICKY_SESSION}'s memory. */
    private Handler login(Handler submit) {
        return request -> {
            if (faults.on(Fault.LOGIN_401) && LoginPage.credentialsMatch(request.form())) {
                return errors.status(request, 401, "Your login could not be verified.")
                        .withHeader(WWW_AUTHENTICATE, "Basic realm=\"Members\"").noStore();
            }
            Response response = submit.handle(request);
            sticky.remember(request, response);
            return response;
        };
    }

    /** {@link Fault#MISSING_CHALLENGE} drops the admin challenge; {@link Fault#WRONG_REALM} renames its realm. */
    private Response adminChallenge(Response response) {
        if (response.status() != 401) {
            return response;
        }
        if (faults.on(Fault.MISSING_CHALLENGE)) {
            return response.withoutHeader(WWW_AUTHENTICATE);
        }
        if (faults.on(Fault.WRONG_REALM)) {
            return response.withHeader(WWW_AUTHENTICATE, "Basic realm=\"Restricted\"");
        }
        return response;
    }

    /**
     * {@link Fault#DIGEST_REFUSES_RIGHT_CREDENTIALS}: any Digest answer, the right one too, gets a new
     * challenge; {@link Fault#DIGEST_NO_NONCE}: the challenge lacks its nonce, so no client can answer it.
     */
    private Handler reports(Handler area) {
        return request -> {
            if (faults.on(Fault.DIGEST_REFUSES_RIGHT_CREDENTIALS) && request.header("Authorization").isPresent()) {
                return reports.unauthorized(request, false);
            }
            Response response = area.handle(request);
            return faults.on(Fault.DIGEST_NO_NONCE) && response.status() == 401
                    ? response.withHeader(WWW_AUTHENTICATE, reports.digest().challengeWithoutNonce()) : response;
        };
    }

    private static Response serverUnauthorized(String realm) {
        return Response.html(401, SERVER_401_PAGE)
                .withHeader(WWW_AUTHENTICATE, "Basic realm=\"" + realm + "\"")
                .noStore();
    }

    /** Adds HTML to a page just before the first {@code marker}; a page without it is a bug here. */
    private static Response insertBefore(Response page, String marker, String html) {
        return page.insertBefore(marker, html);
    }

    /**
     * {@link Fault#SLOW_REQUEST}: serves one visitor's requests one at a time, as a server that locks
     * the visitor's session while a request runs does; the status report takes its time meanwhile.
     */
    private Response inVisitorSession(Request request, Handler handler) {
        var visitor = String.join(",", request.headers().getOrDefault("User-Agent", List.of()));
        var session = visitorSessions.computeIfAbsent(visitor, key -> new ReentrantLock());
        session.lock();
        try {
            if (request.path().equals(StatusPages.REPORT_PATH)) {
                slowBackend(SLOW_REQUEST_MILLIS);
            }
            return handler.handle(request);
        } finally {
            session.unlock();
        }
    }

    /**
     * {@link Fault#SLOW_PAGE}: waits on this request's own thread, as a slow backend would hold it,
     * holding no lock, so the other request threads keep serving. Closing the site interrupts it.
     */
    private static void slowBackend(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
