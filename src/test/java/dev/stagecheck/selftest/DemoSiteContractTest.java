package dev.stagecheck.selftest;

import dev.stagecheck.demo.DemoCredentials;
import dev.stagecheck.demo.DemoSite;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The contract of the built-in demo site, checked over plain HTTP (no browser): URLs, status
 * codes, challenge headers and the selectors the demo site profile relies on. Redirects are not
 * followed, so every 301/303 is seen as the site sent it.
 */
public class DemoSiteContractTest {

    private static final String SEP = " \u00b7 ";
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);
    private static final Pattern H1 = Pattern.compile("<h1>(.*?)</h1>", Pattern.DOTALL);

    private static final List<String> SECTION_PAGES = List.of(
            "/products/alpha", "/products/beta", "/products/gamma", "/products/pricing",
            "/docs/getting-started", "/docs/install", "/docs/faq", "/docs/api-guide",
            "/company/about", "/company/team", "/company/careers", "/company/press");

    private DemoSite site;
    private DemoClient client;

    @BeforeClass
    public void startSite() {
        site = DemoSite.start();
        client = new DemoClient(site.baseUrl());
    }

    @AfterClass(alwaysRun = true)
    public void stopSite() {
        if (site != null) {
            site.close();
        }
    }

    // ---- layout and public pages ----

    @Test
    public void baseUrlIsLoopbackWithoutTrailingSlash() {
        assertTrue(site.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+"), site.baseUrl());
    }

    @Test
    public void homePageHasTheSharedLayoutAndTheMainMenuInOrder() throws Exception {
        HttpResponse<String> home = client.get("/");
        assertEquals(home.statusCode(), 200);
        assertEquals(home.headers().firstValue("Content-Type").orElse(""), "text/html; charset=utf-8");
        String html = home.body();
        assertTrue(html.startsWith("<!doctype html>"), "doctype first");
        assertEquals(title(html), "Home" + SEP + "Demo Staging");
        assertContainsAll(html,
                "<html lang=\"en\">",
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                "<link rel=\"stylesheet\" href=\"/assets/site.css\">",
                "<script src=\"/assets/site.js\" defer></script>",
                "<link rel=\"icon\" href=\"/favicon.ico\">",
                "<header class=\"site-header\">",
                "<a class=\"brand\" href=\"/\"><img src=\"/assets/logo.svg\" alt=\"Demo Staging\" width=\"32\" height=\"32\"> Demo Staging</a>",
                "<button class=\"menu-toggle\" type=\"button\" aria-controls=\"site-nav\" aria-expanded=\"false\">Menu</button>",
                "<nav id=\"site-nav\" class=\"site-nav\" aria-label=\"Main\">",
                "<a class=\"login-link\" href=\"/login\">Log in</a>",
                "<form class=\"site-search\" action=\"/search\" method=\"get\" role=\"search\"><input type=\"search\" name=\"q\" id=\"q\" placeholder=\"Search\" aria-label=\"Search\"><button type=\"submit\" id=\"search-submit\">Search</button></form>",
                "<main id=\"content\">", "<h1>", "<footer",
                "href=\"/products/\"", "href=\"/docs/\"", "href=\"/company/\"");
        assertEquals(hrefsIn(between(html, "<nav id=\"site-nav\"", "</nav>")),
                List.of("/products/", "/docs/", "/company/", "/contact", "/members/"));
        assertFalse(html.contains("logout-link"), "no session, no log-out link");
    }

    @Test
    public void everySectionPageIsUpWithAUniqueTitleSectionMenuAndImage() throws Exception {
        Set<String> titles = new HashSet<>();
        titles.add(title(client.get("/").body()));
        for (String section : List.of("products", "docs", "company")) {
            List<String> expectedMenu = SECTION_PAGES.stream().filter(p -> p.startsWith("/" + section + "/")).toList();
            List<String> pages = new ArrayList<>();
            pages.add("/" + section + "/");
            pages.addAll(expectedMenu);
            for (String path : pages) {
                HttpResponse<String> page = client.get(path);
                assertEquals(page.statusCode(), 200, path);
                String html = page.body();
                assertTrue(titles.add(title(html)), "title not unique: " + title(html));
                assertTrue(title(html).endsWith(SEP + "Demo Staging"), path);
                assertFalse(h1(html).isBlank(), path + " has an h1");
                assertTrue(html.contains("src=\"/assets/img/" + section + ".svg\""), path + " shows its image");
                assertEquals(hrefsIn(between(html, "<nav class=\"section-nav\" aria-label=\"Section\">", "</nav>")),
                        expectedMenu, path + " section menu");
            }
        }
        assertEquals(title(client.get("/products/alpha").body()), "Alpha" + SEP + "Products" + SEP + "Demo Staging");
        assertEquals(titles.size(), 16);
    }

    @Test
    public void sectionWithoutTrailingSlashMovesPermanently() throws Exception {
        HttpResponse<String> response = client.get("/products");
        assertEquals(response.statusCode(), 301);
        assertEquals(location(response), "/products/");
    }

    // ---- login, session, member area ----

    @Test
    public void wrongPasswordShowsTheFormAgainWith200() throws Exception {
        HttpResponse<String> response = client.post("/login",
                Map.of("email", DemoCredentials.MEMBER_EMAIL, "password", "not-it", "next", "/members/"));
        assertEquals(response.statusCode(), 200);
        String html = response.body();
        assertContainsAll(html, "<p class=\"login-error\" role=\"alert\">Wrong email or password.</p>",
                "<form id=\"login-form\" method=\"post\" action=\"/login\">",
                "value=\"" + DemoCredentials.MEMBER_EMAIL + "\"");
        assertFalse(html.contains("not-it"), "the password is never echoed");
        assertTrue(response.headers().allValues("Set-Cookie").isEmpty());
    }

    @Test
    public void loginFormHasTheProfileSelectorsAndKeepsALocalNext() throws Exception {
        String html = client.get("/login?next=%2Fmembers%2Forders").body();
        assertContainsAll(html,
                "<input id=\"email\" name=\"email\" type=\"email\" autocomplete=\"username\"",
                "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\">",
                "<input type=\"hidden\" name=\"next\" value=\"/members/orders\">",
                "<button id=\"login-submit\" type=\"submit\">Log in</button>");
        assertTrue(client.get("/login?next=https%3A%2F%2Fevil.test%2F").body()
                .contains("<input type=\"hidden\" name=\"next\" value=\"/members/\">"));
    }

    @Test
    public void rightPasswordSetsASessionCookieAndGoesToNext() throws Exception {
        HttpResponse<String> response = client.post("/login", Map.of("email", DemoCredentials.MEMBER_EMAIL,
                "password", DemoCredentials.MEMBER_PASSWORD, "next", "/members/orders"));
        assertEquals(response.statusCode(), 303);
        assertEquals(location(response), "/members/orders");
        String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        Matcher matcher = Pattern.compile("demo_session=([0-9a-f]{32}); Path=/; HttpOnly; SameSite=Lax").matcher(cookie);
        assertTrue(matcher.matches(), cookie);
        assertTrue(site.issuedSessionIds().contains(matcher.group(1)));

        HttpResponse<String> offSite = client.post("/login", Map.of("email", DemoCredentials.MEMBER_EMAIL,
                "password", DemoCredentials.MEMBER_PASSWORD, "next", "//evil.test/"));
        assertEquals(location(offSite), "/members/", "off-site next is ignored");
    }

    @Test
    public void memberPagesSendAnonymousVisitorsToLogin() throws Exception {
        for (String path : List.of("/members/", "/members/orders", "/members/profile", "/members/staff")) {
            HttpResponse<String> response = client.get(path);
            assertEquals(response.statusCode(), 303, path);
            assertEquals(location(response), "/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8), path);
        }
    }

    @Test
    public void memberPagesGreetTheSignedInMember() throws Exception {
        String cookie = client.logIn();
        HttpResponse<String> home = client.get("/members/", "Cookie", cookie);
        assertEquals(home.statusCode(), 200);
        assertEquals(title(home.body()), "Members" + SEP + "Demo Staging");
        assertEquals(home.headers().firstValue("Cache-Control").orElse(""), "no-store");
        assertContainsAll(home.body(), "<p class=\"member-greeting\">Welcome back, Member Demo</p>",
                "<a class=\"logout-link\" href=\"/logout\">Log out</a>");
        for (String path : List.of("/members/orders", "/members/profile")) {
            HttpResponse<String> page = client.get(path, "Cookie", cookie);
            assertEquals(page.statusCode(), 200, path);
            assertTrue(page.body().contains("class=\"member-greeting\""), path);
        }
    }

    @Test
    public void staffPageIsForbiddenForAMemberNotUnauthorized() throws Exception {
        HttpResponse<String> response = client.get("/members/staff", "Cookie", client.logIn());
        assertEquals(response.statusCode(), 403);
        assertEquals(title(response.body()), "403 Forbidden" + SEP + "Demo Staging");
        assertEquals(h1(response.body()), "Forbidden");
        assertTrue(response.body().contains("staff role"));
        assertTrue(response.headers().firstValue("WWW-Authenticate").isEmpty());
    }

    @Test
    public void logoutEndsTheSession() throws Exception {
        String cookie = client.logIn();
        HttpResponse<String> response = client.get("/logout", "Cookie", cookie);
        assertEquals(response.statusCode(), 303);
        assertEquals(location(response), "/");
        assertEquals(response.headers().firstValue("Set-Cookie").orElse(""), "demo_session=; Path=/; Max-Age=0");
        assertEquals(client.get("/members/", "Cookie", cookie).statusCode(), 303, "old cookie no longer works");
    }

    // ---- admin (Basic) and API (Bearer / X-API-Key) ----

    @Test
    public void adminAreaChallengesWithBasic() throws Exception {
        String wrong = DemoClient.basic(DemoCredentials.ADMIN_USER, "nope");
        for (HttpResponse<String> response : List.of(client.get("/admin/"), client.get("/admin"), client.get("/admin/users"),
                client.get("/admin/", "Authorization", wrong))) {
            assertEquals(response.statusCode(), 401, response.uri().toString());
            assertEquals(response.headers().firstValue("WWW-Authenticate").orElse(""),
                    "Basic realm=\"Admin Area\", charset=\"UTF-8\"");
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        }
    }

    @Test
    public void adminAreaOpensWithTheAdminCredentials() throws Exception {
        String auth = DemoClient.basic(DemoCredentials.ADMIN_USER, DemoCredentials.ADMIN_PASSWORD);
        for (String path : List.of("/admin/", "/admin")) {
            HttpResponse<String> response = client.get(path, "Authorization", auth);
            assertEquals(response.statusCode(), 200, path);
            assertEquals(title(response.body()), "Admin" + SEP + "Demo Staging");
            assertEquals(h1(response.body()), "Admin dashboard");
            assertEquals(response.headers().firstValue("Cache-Control").orElse(""), "private, max-age=600");
        }
    }

    @Test
    public void apiWithoutAKeyIsUnauthorizedWithABearerChallenge() throws Exception {
        HttpResponse<String> response = client.get("/api/orders");
        assertEquals(response.statusCode(), 401);
        assertEquals(response.body(), "{\"error\":\"missing_api_key\"}");
        assertEquals(response.headers().firstValue("WWW-Authenticate").orElse(""), "Bearer realm=\"Demo API\"");
    }

    @Test
    public void apiWithAWrongKeyIsUnauthorizedWithInvalidToken() throws Exception {
        for (HttpResponse<String> response : List.of(client.get("/api/orders", "X-API-Key", "wrong"),
                client.get("/api/orders", "Authorization", "Bearer wrong"))) {
            assertEquals(response.statusCode(), 401);
            assertEquals(response.body(), "{\"error\":\"invalid_api_key\"}");
            assertEquals(response.headers().firstValue("WWW-Authenticate").orElse(""),
                    "Bearer realm=\"Demo API\", error=\"invalid_token\"");
        }
    }

    @Test
    public void apiWithTheKeyListsThreeOrders() throws Exception {
        for (HttpResponse<String> response : List.of(client.get("/api/orders", "X-API-Key", DemoCredentials.API_KEY),
                client.get("/api/orders", "Authorization", "Bearer " + DemoCredentials.API_KEY))) {
            assertEquals(response.statusCode(), 200);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertTrue(response.body().startsWith("[") && response.body().endsWith("]"), response.body());
            assertEquals(response.body().split("\"id\":").length - 1, 3, response.body());
        }
        HttpResponse<String> status = client.get("/api/status");
        assertEquals(status.statusCode(), 200);
        assertEquals(status.body(), "{\"status\":\"ok\"}");
    }

    // ---- contact form ----

    @Test
    public void emptyContactFormComesBackWithAnErrorPerField() throws Exception {
        assertContainsAll(client.get("/contact").body(),
                "<form id=\"contact-form\" method=\"post\" action=\"/contact\" novalidate>",
                "<input id=\"name\" name=\"name\"", "<input id=\"email\" name=\"email\" type=\"email\"",
                "<textarea id=\"message\" name=\"message\"", "<button id=\"contact-submit\" type=\"submit\">Send</button>");
        HttpResponse<String> response = client.post("/contact", Map.of("name", " ", "email", "", "message", ""));
        assertEquals(response.statusCode(), 200);
        assertContainsAll(response.body(),
                "<p class=\"form-errors\" role=\"alert\">Please correct the highlighted fields.</p>",
                "data-field=\"name\">Please enter your name.</span>",
                "data-field=\"email\">", "data-field=\"message\">");
    }

    @Test
    public void invalidContactFormKeepsTheEscapedValues() throws Exception {
        HttpResponse<String> response = client.post("/contact",
                Map.of("name", "<b>Ada</b>", "email", "ada@nowhere", "message", "\"short\""));
        assertEquals(response.statusCode(), 200);
        String html = response.body();
        assertContainsAll(html, "value=\"&lt;b&gt;Ada&lt;/b&gt;\"", "value=\"ada@nowhere\"", "&quot;short&quot;</textarea>",
                "data-field=\"email\">", "data-field=\"message\">");
        assertFalse(html.contains("data-field=\"name\""), "a valid name has no error");
        assertFalse(html.contains("<b>Ada</b>"));
    }

    @Test
    public void validContactFormRedirectsToAConfirmation() throws Exception {
        HttpResponse<String> response = client.post("/contact", Map.of("name", "Ada <Tester>", "email", "ada@example.test",
                "message", "Checking that the contact form works."));
        assertEquals(response.statusCode(), 303);
        String location = location(response);
        assertTrue(location.matches("/contact/thanks\\?ref=[0-9a-f]{32}"), location);
        HttpResponse<String> thanks = client.get(location);
        assertEquals(thanks.statusCode(), 200);
        assertEquals(title(thanks.body()), "Thank you" + SEP + "Demo Staging");
        assertTrue(thanks.body().contains(
                "<div class=\"confirmation\" role=\"status\">Thanks, Ada &lt;Tester&gt;! Your message has been sent.</div>"));
        assertEquals(client.get("/contact/thanks?ref=unknown").statusCode(), 404);
    }

    // ---- search ----

    @Test
    public void searchFindsPagesAndEchoesTheQuery() throws Exception {
        HttpResponse<String> response = client.get("/search?q=Pricing");
        assertEquals(response.statusCode(), 200);
        String html = response.body();
        assertEquals(title(html), "Search" + SEP + "Demo Staging");
        assertContainsAll(html, "<section class=\"search-results\"><h1>Results for \u201cPricing\u201d</h1>".replace("><h1>", ">\n<h1>"),
                "<ol class=\"result-list\">", "<li><a href=\"/products/pricing\">Pricing</a></li>");
    }

    @Test
    public void searchEscapesTheQueryAndSaysWhenNothingMatches() throws Exception {
        String query = "<script>x</script> zzz";
        HttpResponse<String> response = client.get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        assertEquals(response.statusCode(), 200);
        assertEquals(h1(response.body()), "Results for \u201c&lt;script&gt;x&lt;/script&gt; zzz\u201d");
        assertTrue(response.body().contains("<p class=\"no-results\">"));
        assertFalse(response.body().contains("<script>x"));

        HttpResponse<String> blank = client.get("/search?q=");
        assertEquals(blank.statusCode(), 200);
        assertEquals(h1(blank.body()), "Search");
    }

    // ---- assets, errors, HEAD ----

    @Test
    public void assetsAreServedWithTheirContentTypes() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("/assets/site.css", "text/css");
        expected.put("/assets/site.js", "text/javascript");
        expected.put("/assets/logo.svg", "image/svg+xml");
        expected.put("/assets/img/products.svg", "image/svg+xml");
        expected.put("/assets/img/docs.svg", "image/svg+xml");
        expected.put("/assets/img/company.svg", "image/svg+xml");
        for (Map.Entry<String, String> asset : expected.entrySet()) {
            HttpResponse<String> response = client.get(asset.getKey());
            assertEquals(response.statusCode(), 200, asset.getKey());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(asset.getValue()), asset.getKey());
        }
        assertTrue(client.get("/assets/site.css").body().contains("@media (min-width: 768px)"));
        assertTrue(client.get("/assets/site.js").body().contains("aria-expanded"));

        HttpResponse<byte[]> favicon = client.send(client.request("/favicon.ico").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(favicon.statusCode(), 200);
        assertEquals(favicon.headers().firstValue("Content-Type").orElse(""), "image/x-icon");
        byte[] ico = favicon.body();
        assertTrue(ico.length > 22 && ico[0] == 0 && ico[1] == 0 && ico[2] == 1 && ico[3] == 0, "ICO header");
    }

    @Test
    public void unknownPathsAre404AndWrongMethods405() throws Exception {
        HttpResponse<String> missing = client.get("/no/such/page");
        assertEquals(missing.statusCode(), 404);
        assertEquals(title(missing.body()), "404 Not Found" + SEP + "Demo Staging");

        HttpResponse<String> wrongMethod = client.post("/products/alpha", Map.of());
        assertEquals(wrongMethod.statusCode(), 405);
        assertEquals(wrongMethod.headers().firstValue("Allow").orElse(""), "GET, HEAD");

        assertEquals(client.postRaw("/contact", "name=%zz").statusCode(), 400, "malformed form encoding");
    }

    @Test
    public void headIsAnsweredLikeGetWithoutABody() throws Exception {
        HttpResponse<String> head = client.send(client.request("/docs/faq").method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> get = client.get("/docs/faq");
        assertEquals(head.statusCode(), 200);
        assertEquals(head.body(), "");
        assertEquals(head.headers().firstValue("Content-Length").orElse(""),
                String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length));
    }

    // ---- helpers ----

    private static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    private static String title(String html) {
        Matcher matcher = TITLE.matcher(html);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String h1(String html) {
        Matcher matcher = H1.matcher(html);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertTrue(from >= 0, "missing " + start);
        int to = html.indexOf(end, from);
        return html.substring(from, to);
    }

    private static List<String> hrefsIn(String html) {
        Matcher matcher = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        List<String> hrefs = new ArrayList<>();
        while (matcher.find()) {
            hrefs.add(matcher.group(1));
        }
        return hrefs;
    }

    private static void assertContainsAll(String html, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(html.contains(fragment), "missing: " + fragment);
        }
    }
}
