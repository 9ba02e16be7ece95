package dev.stagecheck.selftest;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.demo.DemoCredentials;
import dev.stagecheck.demo.DemoOptions;
import dev.stagecheck.demo.DemoSite;
import dev.stagecheck.demo.DemoSiteProvider;
import dev.stagecheck.demo.Fault;
import org.testng.annotations.AfterClass;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertThrows;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/**
 * The demo site's switchable faults, over plain HTTP (redirects not followed): each one is
 * switched on at run time, shows exactly the behaviour the kit's fault matrix expects, and is gone
 * again once switched off. Also the fault names, the server log and the {@code demo.faults} switch.
 */
public class DemoFaultsTest {

    private static final String ADMIN_CHALLENGE = "Basic realm=\"Admin Area\", charset=\"UTF-8\"";
    private static final Pattern ACCESS_LINE = Pattern.compile(
            "127\\.0\\.0\\.1 - - \\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000] \"[A-Z]+ \\S+ HTTP/1\\.1\" \\d{3} \\d+");

    private DemoSite site;
    private DemoClient client;

    @BeforeClass
    public void startSite() {
        site = DemoSite.start();
        client = new DemoClient(site.baseUrl());
    }

    @AfterMethod(alwaysRun = true)
    public void allFaultsOff() {
        if (site != null) {
            site.faults(Set.of());
        }
    }

    @AfterClass(alwaysRun = true)
    public void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    // ---- the API ----

    @Test
    public void everyFaultHasAKeySymptomAndPath() {
        for (Fault fault : Fault.values()) {
            assertTrue(fault.key().matches("[a-z0-9]+(-[a-z0-9]+)*"), fault + " key " + fault.key());
            assertFalse(fault.symptom().isBlank(), fault + " symptom");
            assertFalse(fault.symptom().contains("\n"), fault + " symptom is one sentence");
            assertTrue(fault.path().startsWith("/"), fault + " path " + fault.path());
        }
        assertEquals(Arrays.stream(Fault.values()).map(Fault::key).distinct().count(), (long) Fault.values().length);
        assertEquals(Fault.PUBLIC_401.key(), "public-401");
        assertEquals(Fault.PUBLIC_401.path(), "/company/press");
    }

    @Test
    public void parseReadsCommaSeparatedKeys() {
        assertEquals(Fault.parse(null), Set.of());
        assertEquals(Fault.parse(""), Set.of());
        assertEquals(Fault.parse("  "), Set.of());
        assertEquals(Fault.parse("public-401"), Set.of(Fault.PUBLIC_401));
        assertEquals(Fault.parse("public-401, asset-401,,SLOW-PAGE "),
                EnumSet.of(Fault.PUBLIC_401, Fault.ASSET_401, Fault.SLOW_PAGE));
        String all = Arrays.stream(Fault.values()).map(Fault::key).collect(Collectors.joining(","));
        assertEquals(Fault.parse(all), EnumSet.allOf(Fault.class));
        assertThrows(UnsupportedOperationException.class, () -> Fault.parse("public-401").add(Fault.ASSET_401));
    }

    @Test
    public void parseRejectsAnUnknownNameInOneLineListingTheValidOnes() {
        IllegalArgumentException e = expectThrows(IllegalArgumentException.class, () -> Fault.parse("public-401,x"));
        String message = e.getMessage();
        assertTrue(message.startsWith("unknown demo fault 'x': use one of public-401, asset-401, "), message);
        assertFalse(message.contains("\n") || message.contains("\r"), message);
        for (Fault fault : Fault.values()) {
            assertTrue(message.contains(fault.key()), message);
        }
        String sneaky = expectThrows(IllegalArgumentException.class, () -> Fault.parse("a\nb")).getMessage();
        assertFalse(sneaky.contains("\n"), sneaky);
    }

    @Test
    public void theDemoFaultsPropertyBecomesAConfigExceptionWhenWrong() {
        assertEquals(DemoSiteProvider.faultsFrom(null), Set.of());
        assertEquals(DemoSiteProvider.faultsFrom("search-500,contact-500"), EnumSet.of(Fault.SEARCH_500, Fault.CONTACT_500));
        ConfigException e = expectThrows(ConfigException.class, () -> DemoSiteProvider.faultsFrom("public-404"));
        assertTrue(e.getMessage().startsWith("unknown demo fault 'public-404': use one of public-401, "), e.getMessage());
    }

    @Test
    public void faultsSwitchAtRunTimeAndStartFromTheOptions() throws Exception {
        assertEquals(site.faults(), Set.of());
        site.faults(Set.of(Fault.SEARCH_500, Fault.PUBLIC_401));
        assertEquals(site.faults(), EnumSet.of(Fault.PUBLIC_401, Fault.SEARCH_500));
        assertThrows(UnsupportedOperationException.class, () -> site.faults().clear());
        site.faults(Set.of());
        assertEquals(site.faults(), Set.of());

        assertEquals(DemoOptions.defaults().faults(), Set.of());
        assertEquals(new DemoOptions("127.0.0.1", 0, 2).faults(), Set.of());
        DemoOptions options = DemoOptions.defaults().withFaults(Set.of(Fault.PUBLIC_401)).withPort(0);
        assertEquals(options.faults(), Set.of(Fault.PUBLIC_401));
        try (DemoSite faulty = DemoSite.start(options)) {
            assertEquals(faulty.faults(), Set.of(Fault.PUBLIC_401));
            HttpResponse<String> press = client.send(HttpRequest.newBuilder(URI.create(faulty.baseUrl() + "/company/press"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(press.statusCode(), 401);
        }
    }

    // ---- each fault: on, then off again ----

    @Test
    public void public401() throws Exception {
        on(Fault.PUBLIC_401);
        HttpResponse<String> press = client.get("/company/press");
        assertEquals(press.statusCode(), 401);
        assertEquals(challenge(press), "Basic realm=\"Press\"");
        assertTrue(press.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(press.body().contains("Unauthorized"), press.body());
        assertTrue(client.get("/company/").body().contains("href=\"/company/press\""), "still linked from the Company section");
        assertEquals(client.get("/company/team").statusCode(), 200, "only the press page");

        off();
        HttpResponse<String> normal = client.get("/company/press");
        assertEquals(normal.statusCode(), 200);
        assertTrue(challenge(normal).isEmpty());
    }

    @Test
    public void asset401() throws Exception {
        on(Fault.ASSET_401);
        HttpResponse<String> image = client.get("/assets/img/products.svg");
        assertEquals(image.statusCode(), 401);
        assertEquals(challenge(image), "Basic realm=\"Assets\"");
        assertTrue(client.get("/products/alpha").body().contains("src=\"/assets/img/products.svg\""));
        assertEquals(client.get("/assets/img/docs.svg").statusCode(), 200, "only the products image");

        off();
        HttpResponse<String> normal = client.get("/assets/img/products.svg");
        assertEquals(normal.statusCode(), 200);
        assertTrue(normal.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
    }

    @Test
    public void login401() throws Exception {
        on(Fault.LOGIN_401);
        int sessionsBefore = site.issuedSessionIds().size();
        HttpResponse<String> right = client.logInResponse("User-Agent", "login-401");
        assertEquals(right.statusCode(), 401);
        assertEquals(challenge(right), "Basic realm=\"Members\"");
        assertTrue(right.body().contains("<h1>Unauthorized</h1>"), right.body());
        assertTrue(right.headers().allValues("Set-Cookie").isEmpty(), "no session");
        assertEquals(site.issuedSessionIds().size(), sessionsBefore, "no session opened");
        HttpResponse<String> wrong = client.post("/login", Map.of("email", DemoCredentials.MEMBER_EMAIL, "password", "not-it"));
        assertEquals(wrong.statusCode(), 200, "a wrong password behaves as before");
        assertTrue(wrong.body().contains("class=\"login-error\""));

        off();
        HttpResponse<String> normal = client.logInResponse("User-Agent", "login-401");
        assertEquals(normal.statusCode(), 303);
        assertTrue(normal.headers().firstValue("Set-Cookie").orElse("").startsWith("demo_session="));
    }

    @Test
    public void missingChallenge() throws Exception {
        on(Fault.MISSING_CHALLENGE);
        for (String path : List.of("/admin/", "/admin")) {
            HttpResponse<String> anonymous = client.get(path);
            assertEquals(anonymous.statusCode(), 401, path);
            assertTrue(anonymous.headers().allValues("WWW-Authenticate").isEmpty(), path + ": no challenge at all");
        }
        assertEquals(client.get("/admin/", "Authorization", adminAuth()).statusCode(), 200, "the right credentials still work");

        off();
        assertEquals(challenge(client.get("/admin/")), ADMIN_CHALLENGE);
    }

    @Test
    public void wrongRealm() throws Exception {
        on(Fault.WRONG_REALM);
        HttpResponse<String> anonymous = client.get("/admin/");
        assertEquals(anonymous.statusCode(), 401);
        assertEquals(challenge(anonymous), "Basic realm=\"Restricted\"");
        assertEquals(client.get("/admin/", "Authorization", adminAuth()).statusCode(), 200);

        off();
        assertEquals(challenge(client.get("/admin/")), ADMIN_CHALLENGE);
    }

    @Test
    public void forbiddenAs401() throws Exception {
        String cookie = client.logIn("User-Agent", "forbidden-as-401");
        on(Fault.FORBIDDEN_AS_401);
        HttpResponse<String> staff = client.get("/members/staff", "Cookie", cookie);
        assertEquals(staff.statusCode(), 401);
        assertEquals(challenge(staff), "Basic realm=\"Staff\"");
        assertEquals(client.get("/members/staff").statusCode(), 303, "anonymous visitors still go to the login form");

        off();
        HttpResponse<String> normal = client.get("/members/staff", "Cookie", cookie);
        assertEquals(normal.statusCode(), 403);
        assertTrue(challenge(normal).isEmpty());
    }

    @Test
    public void stickySession() throws Exception {
        on(Fault.STICKY_SESSION);
        String agent = "sticky-browser/" + UUID.randomUUID();
        String cookie = client.logIn("User-Agent", agent);
        HttpResponse<String> withoutCookie = client.get("/members/", "User-Agent", agent);
        assertEquals(withoutCookie.statusCode(), 200, "cleared cookies, still signed in");
        assertTrue(withoutCookie.body().contains("class=\"member-greeting\""));
        assertEquals(client.get("/members/", "User-Agent", "another-browser").statusCode(), 303, "other clients are not");

        HttpResponse<String> logout = client.get("/logout", "User-Agent", agent, "Cookie", cookie);
        assertEquals(logout.statusCode(), 303, "logging out still works");
        assertEquals(client.get("/members/", "User-Agent", agent).statusCode(), 303, "forgotten after /logout");
        assertEquals(client.get("/members/", "User-Agent", agent, "Cookie", cookie).statusCode(), 303);

        // Logged in again, then the client clears its cookies and logs out without one.
        client.logIn("User-Agent", agent);
        assertEquals(client.get("/members/", "User-Agent", agent).statusCode(), 200);
        assertEquals(client.get("/logout", "User-Agent", agent).statusCode(), 303);
        assertEquals(client.get("/members/", "User-Agent", agent).statusCode(), 303);

        client.logIn("User-Agent", agent);
        off();
        assertEquals(client.get("/members/", "User-Agent", agent).statusCode(), 303, "without the fault the cookie is needed");
        on(Fault.STICKY_SESSION);
        assertEquals(client.get("/members/", "User-Agent", agent).statusCode(), 303, "switching off forgot every client");
    }

    @Test
    public void brokenLink() throws Exception {
        on(Fault.BROKEN_LINK);
        String link = "<a href=\"/docs/old-install-guide\">the old install guide</a>";
        String faq = client.get("/docs/faq").body();
        assertTrue(faq.contains(link), faq);
        assertTrue(faq.indexOf(link) < faq.indexOf("</article>"), "in the main text");
        assertTrue(faq.indexOf(link) > faq.indexOf("<main id=\"content\">"), "in the main text");
        assertEquals(client.get("/docs/old-install-guide").statusCode(), 404);

        off();
        assertFalse(client.get("/docs/faq").body().contains("old-install-guide"));
    }

    @Test
    public void contact500() throws Exception {
        on(Fault.CONTACT_500);
        Map<String, String> valid = Map.of("name", "Ada", "email", "ada@example.test", "message", "Checking the form.");
        for (Map<String, String> form : List.of(valid, Map.of("name", "", "email", "", "message", ""))) {
            HttpResponse<String> response = client.post("/contact", form);
            assertEquals(response.statusCode(), 500);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(response.body().contains("<h1>Internal Server Error</h1>"), response.body());
        }
        assertEquals(client.get("/contact").statusCode(), 200, "the form itself still shows");

        off();
        assertEquals(client.post("/contact", valid).statusCode(), 303);
    }

    @Test
    public void search500() throws Exception {
        on(Fault.SEARCH_500);
        for (String path : List.of("/search?q=pricing", "/search")) {
            HttpResponse<String> response = client.get(path);
            assertEquals(response.statusCode(), 500, path);
            assertTrue(response.body().contains("<h1>Internal Server Error</h1>"), response.body());
        }

        off();
        HttpResponse<String> normal = client.get("/search?q=pricing");
        assertEquals(normal.statusCode(), 200);
        assertTrue(normal.body().contains("href=\"/products/pricing\""));
    }

    @Test
    public void consoleError() throws Exception {
        on(Fault.CONSOLE_ERROR);
        HttpResponse<String> gamma = client.get("/products/gamma");
        assertEquals(gamma.statusCode(), 200);
        String html = gamma.body();
        assertTrue(html.contains("throw new Error(\"demo fault: gamma widget failed\")"), html);
        assertTrue(html.indexOf("<script>") < html.indexOf("</body>"));
        assertFalse(client.get("/products/beta").body().contains("demo fault"), "only the Gamma page");

        off();
        assertFalse(client.get("/products/gamma").body().contains("demo fault"));
    }

    @Test
    public void apiKeyIgnored() throws Exception {
        on(Fault.API_KEY_IGNORED);
        for (HttpResponse<String> response : List.of(client.get("/api/orders"), client.get("/api/orders", "X-API-Key", "wrong"),
                client.get("/api/orders", "Authorization", "Bearer wrong"))) {
            assertEquals(response.statusCode(), 200);
            assertEquals(response.body().split("\"id\":").length - 1, 3, response.body());
        }

        off();
        assertEquals(client.get("/api/orders").statusCode(), 401);
        assertEquals(client.get("/api/orders", "X-API-Key", "wrong").statusCode(), 401);
        assertEquals(client.get("/api/orders", "X-API-Key", DemoCredentials.API_KEY).statusCode(), 200);
    }

    @Test
    public void brokenDownload() throws Exception {
        assertTrue(client.get("/docs/install").body().contains("href=\"/docs/downloads\""), "the install guide links to the downloads");
        assertTrue(client.get("/docs/downloads").body().contains("href=\"/downloads/widget-1.4.zip\""), "the downloads page links the archive");
        on(Fault.BROKEN_DOWNLOAD);
        HttpResponse<String> archive = client.get("/downloads/widget-1.4.zip");
        assertEquals(archive.statusCode(), 404);
        assertEquals(archive.headers().firstValue("Cache-Control").orElse(""), "no-store", "gone again once switched off");
        assertEquals(client.get("/downloads/widget-datasheet.pdf").statusCode(), 200, "only the archive");

        off();
        HttpResponse<String> normal = client.get("/downloads/widget-1.4.zip");
        assertEquals(normal.statusCode(), 200);
        assertEquals(normal.headers().firstValue("Content-Type").orElse(""), "application/octet-stream");
        assertEquals(normal.headers().firstValue("Content-Disposition").orElse(""), "attachment; filename=\"widget-1.4.zip\"");
        assertEquals(client.get("/downloads/widget-datasheet.pdf").headers().firstValue("Content-Type").orElse(""), "application/pdf");
        assertTrue(client.get("/docs/downloads").body().contains("href=\"/downloads/checksums\" download"), "a link with the download attribute");
    }

    @Test
    public void redirectWithoutLocation() throws Exception {
        HttpResponse<String> normal = client.get("/downloads/latest");
        assertEquals(normal.statusCode(), 302);
        assertEquals(normal.headers().firstValue("Location").orElse(""), "/downloads/widget-1.4.zip");
        on(Fault.REDIRECT_WITHOUT_LOCATION);
        HttpResponse<String> latest = client.get("/downloads/latest");
        assertEquals(latest.statusCode(), 301);
        assertTrue(latest.headers().firstValue("Location").isEmpty(), "no Location header");
        assertTrue(latest.body().contains("Moved Permanently"), latest.body());
        assertEquals(latest.headers().firstValue("Cache-Control").orElse(""), "no-store", "browsers keep a 301 for good otherwise");

        off();
        assertEquals(client.get("/downloads/latest").statusCode(), 302);
    }

    @Test
    public void slowPageIsSlowButDoesNotHoldUpOtherRequests() throws Exception {
        on(Fault.SLOW_PAGE);
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(client.request("/docs/install").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(200); // let the slow request reach its handler
        long fastStart = System.nanoTime();
        assertEquals(client.get("/docs/faq").statusCode(), 200);
        long fastMillis = (System.nanoTime() - fastStart) / 1_000_000;
        assertTrue(fastMillis < 1_000, "another page answered in " + fastMillis + " ms during the delay");
        assertFalse(slow.isDone(), "the slow page is still waiting");
        HttpResponse<String> response = slow.get();
        long slowMillis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(response.statusCode(), 200);
        assertTrue(slowMillis >= 2_400, "the slow page answered in " + slowMillis + " ms");

        off();
        long normalStart = System.nanoTime();
        assertEquals(client.get("/docs/install").statusCode(), 200);
        long normalMillis = (System.nanoTime() - normalStart) / 1_000_000;
        assertTrue(normalMillis < 1_000, "answered in " + normalMillis + " ms");
    }

    @Test
    public void serverLog401() throws Exception {
        on(Fault.SERVER_LOG_401);
        int before = site.serverLog().size();
        HttpResponse<String> home = client.get("/");
        assertEquals(home.statusCode(), 200);
        assertFalse(home.body().contains("recommendations"), "the browser sees a normal page");
        List<String> added = site.serverLog().subList(before, site.serverLog().size());
        assertTrue(added.stream().anyMatch(line -> line.matches(
                "\\[[^]]+] ERROR upstream GET /internal/recommendations answered 401 Unauthorized \\(background refresh for /\\)")),
                String.join("\n", added));

        off();
        int beforeOff = site.serverLog().size();
        client.get("/");
        assertTrue(site.serverLog().subList(beforeOff, site.serverLog().size()).stream()
                .noneMatch(line -> line.contains("ERROR")));
    }

    @Test
    public void site401() throws Exception {
        on(Fault.SITE_401);
        for (String path : List.of("/", "/login", "/company/press", "/assets/site.css", "/no-such-page")) {
            HttpResponse<String> locked = client.get(path);
            assertEquals(locked.statusCode(), 401, path);
            assertEquals(challenge(locked), "Basic realm=\"Staging\"", path);
        }
        assertEquals(client.post("/login", Map.of("email", DemoCredentials.MEMBER_EMAIL, "password", "not-it")).statusCode(), 401,
                "a form post is locked out too");
        assertEquals(client.get("/_demo/server.log").statusCode(), 200, "the demo's own control paths stay open");

        off();
        assertEquals(client.get("/").statusCode(), 200);
        assertTrue(challenge(client.get("/login")).isEmpty());
    }

    // ---- the server log ----

    @Test
    public void serverLogHasAnAccessLinePerRequestWithoutQueryOrSecrets() throws Exception {
        client.get("/search?q=needle-in-the-query&token=s3cret");
        client.get("/admin/", "Authorization", adminAuth());
        client.logIn("User-Agent", "log-test");
        List<String> log = site.serverLog();
        String text = String.join("\n", log);
        assertTrue(log.stream().anyMatch(line -> line.contains("\"GET /search HTTP/1.1\" 200 ")), text);
        assertTrue(log.stream().anyMatch(line -> line.contains("\"GET /admin/ HTTP/1.1\" 200 ")), text);
        assertTrue(log.stream().anyMatch(line -> line.contains("\"POST /login HTTP/1.1\" 303 ")), text);
        for (String line : log) {
            if (!line.contains(" ERROR ")) {
                assertTrue(ACCESS_LINE.matcher(line).matches(), "not an access line: " + line);
            }
        }
        for (String secret : List.of("needle-in-the-query", "s3cret", "token=", DemoCredentials.MEMBER_PASSWORD,
                DemoCredentials.ADMIN_PASSWORD, adminAuth(), "demo_session", DemoCredentials.MEMBER_EMAIL)) {
            assertFalse(text.contains(secret), "the log holds " + secret);
        }
        for (String id : site.issuedSessionIds()) {
            assertFalse(text.contains(id), "the log holds a session id");
        }
    }

    @Test
    public void serverLogIsServedAsTextAndReadingItIsNotLogged() throws Exception {
        client.get("/products/alpha?utm=x");
        HttpResponse<String> first = client.get("/_demo/server.log");
        assertEquals(first.statusCode(), 200);
        assertEquals(first.headers().firstValue("Content-Type").orElse(""), "text/plain; charset=utf-8");
        assertTrue(first.body().contains("\"GET /products/alpha HTTP/1.1\" 200 "), first.body());
        assertFalse(first.body().contains("utm"));
        assertFalse(first.body().contains("/_demo/server.log"), "reading the log is not logged");
        HttpResponse<String> second = client.get("/_demo/server.log");
        assertEquals(second.body(), first.body(), "reads are idempotent");
        assertEquals(second.body(), String.join("\n", site.serverLog()) + "\n");
        assertFalse(client.get("/").body().contains("/_demo/"), "nothing links to the log");
    }

    // ---- helpers ----

    private void on(Fault fault) {
        site.faults(Set.of(fault));
        assertEquals(site.faults(), Set.of(fault));
    }

    private void off() {
        site.faults(Set.of());
    }

    private static String adminAuth() {
        return DemoClient.basic(DemoCredentials.ADMIN_USER, DemoCredentials.ADMIN_PASSWORD);
    }

    private static String challenge(HttpResponse<?> response) {
        return response.headers().firstValue("WWW-Authenticate").orElse("");
    }
}
