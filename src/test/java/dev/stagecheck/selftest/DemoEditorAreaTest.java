package dev.stagecheck.selftest;

import dev.stagecheck.demo.DemoCredentials;
import dev.stagecheck.demo.DemoSite;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The demo's WordPress-style editor area ({@code /members/manage/}) over plain HTTP: the bait the
 * kit's safety self-test relies on. Every action link must really change the content when a
 * signed-in client GETs it, or a crawl that "changed nothing" would prove nothing; a wrong
 * nonce and the list itself must change nothing; the state must be readable in and out of process.
 */
public class DemoEditorAreaTest {

    private static final String MANAGE = "/members/manage/";
    private static final String SEED = """
            post 1 "Spring price list" publish
            post 2 "Install guide draft" draft
            post 3 "Old press release" publish
            comment 1 by Ann: approved
            comment 2 by Ann: pending
            comment 3 by Bob: approved
            comment 4 by Cleo: pending
            setting listMode=list
            """;
    private static final Pattern LINK = Pattern.compile("<a class=\"([^\"]*)\" href=\"([^\"]*)\"[^>]*>");
    private static final String NONCE = "_wpnonce=[0-9a-f]{10}";

    private DemoSite site;
    private DemoClient client;

    /** A link on the screen: its class attribute and its href, unescaped. */
    private record Link(String cssClass, String href) {
    }

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

    @BeforeMethod
    public void seedContent() {
        site.resetContent();
    }

    @Test
    public void aFreshSiteHoldsTheSeedAndResetBringsItBack() throws Exception {
        assertEquals(site.contentState(), SEED);
        String cookie = logIn();
        act(cookie, link(cookie, "post.php?post=1&action=trash&"));
        assertFalse(site.contentState().equals(SEED));
        site.resetContent();
        assertEquals(site.contentState(), SEED);
    }

    @Test
    public void theMemberNavLinksTheEditorArea() throws Exception {
        String html = client.get("/members/", "Cookie", logIn()).body();
        String nav = html.substring(html.indexOf("<nav class=\"member-nav\""), html.indexOf("</nav>", html.indexOf("<nav class=\"member-nav\"")));
        assertTrue(nav.endsWith("<a href=\"/members/manage/\">Manage content</a>"), nav);
    }

    @Test
    public void theScreenOffersEveryLinkKind() throws Exception {
        String cookie = logIn();
        HttpResponse<String> screen = client.get(MANAGE, "Cookie", cookie);
        assertEquals(screen.statusCode(), 200);
        assertEquals(screen.headers().firstValue("Cache-Control").orElse(""), "no-store");
        String html = screen.body();
        assertTrue(html.contains("<title>Manage content \u00b7 Members \u00b7 Demo Staging</title>"), html);
        assertTrue(html.contains("<table class=\"manage-posts\">") && html.contains("<table class=\"manage-comments\">"));
        List<String> hrefs = links(html).stream().map(Link::href).toList();
        for (String shape : List.of(
                "/members/manage/post\\.php\\?post=1&action=trash&" + NONCE,
                "/members/manage/comment\\.php\\?c=2&action=approvecomment&" + NONCE,
                "/members/manage/comment\\.php\\?c=1&action=unapprovecomment&" + NONCE,
                "/members/manage/comment\\.php\\?c=1&action=spamcomment&" + NONCE,
                "/members/manage/comment\\.php\\?c=1&action=trashcomment&" + NONCE,
                "/members/manage/edit\\.php\\?post_status=trash&delete_all=1&" + NONCE,
                "/members/manage/edit\\.php\\?mode=excerpt",
                "/members/manage/edit\\.php\\?mode=list",
                "/members/manage/post-new\\.php",
                "/members/manage/logout\\?" + NONCE)) {
            assertTrue(hrefs.stream().anyMatch(href -> href.matches(shape)), "no link like " + shape + " in " + hrefs);
        }
        assertTrue(links(html).stream().anyMatch(link -> link.cssClass().equals("logout-link manage-logout")
                && link.href().startsWith("/members/manage/logout?_wpnonce=")), "a.logout-link for the nonce logout");

        act(cookie, link(cookie, "post.php?post=1&action=trash&"));
        List<String> afterTrash = links(client.get(MANAGE, "Cookie", cookie).body()).stream().map(Link::href).toList();
        for (String shape : List.of("/members/manage/post\\.php\\?post=1&action=untrash&" + NONCE,
                "/members/manage/post\\.php\\?post=1&action=delete&" + NONCE)) {
            assertTrue(afterTrash.stream().anyMatch(href -> href.matches(shape)), "no link like " + shape + " in " + afterTrash);
        }
        assertFalse(afterTrash.stream().anyMatch(href -> href.startsWith("/members/manage/post.php?post=1&action=trash&")),
                "a trashed post offers restore and delete, not trash");
    }

    @Test
    public void everyActionLinkReallyChangesTheContentAndNamesTheItem() throws Exception {
        String cookie = logIn();
        assertChanges(cookie, "post.php?post=1&action=trash&", 302,
                Set.of("post 1 \"Spring price list\" publish"), Set.of("post 1 \"Spring price list\" trash"));
        assertChanges(cookie, "post.php?post=1&action=untrash&", 302,
                Set.of("post 1 \"Spring price list\" trash"), Set.of("post 1 \"Spring price list\" publish"));
        assertChanges(cookie, "post.php?post=3&action=trash&", 302,
                Set.of("post 3 \"Old press release\" publish"), Set.of("post 3 \"Old press release\" trash"));
        assertChanges(cookie, "post.php?post=3&action=delete&", 302, Set.of("post 3 \"Old press release\" trash"), Set.of());
        assertChanges(cookie, "comment.php?c=2&action=approvecomment&", 302,
                Set.of("comment 2 by Ann: pending"), Set.of("comment 2 by Ann: approved"));
        assertChanges(cookie, "comment.php?c=1&action=unapprovecomment&", 302,
                Set.of("comment 1 by Ann: approved"), Set.of("comment 1 by Ann: pending"));
        assertChanges(cookie, "comment.php?c=3&action=spamcomment&", 302,
                Set.of("comment 3 by Bob: approved"), Set.of("comment 3 by Bob: spam"));
        assertChanges(cookie, "comment.php?c=4&action=trashcomment&", 302,
                Set.of("comment 4 by Cleo: pending"), Set.of("comment 4 by Cleo: trash"));
        assertChanges(cookie, "post.php?post=2&action=trash&", 302,
                Set.of("post 2 \"Install guide draft\" draft"), Set.of("post 2 \"Install guide draft\" trash"));
        assertChanges(cookie, "edit.php?post_status=trash&delete_all=1&", 302,
                Set.of("post 2 \"Install guide draft\" trash", "comment 4 by Cleo: trash"), Set.of());
        assertChanges(cookie, "edit.php?mode=excerpt", 200, Set.of("setting listMode=list"), Set.of("setting listMode=excerpt"));
        assertTrue(client.get(MANAGE, "Cookie", cookie).body().contains("<p class=\"excerpt\">"), "excerpt mode shows excerpts");
        assertChanges(cookie, "edit.php?mode=list", 200, Set.of("setting listMode=excerpt"), Set.of("setting listMode=list"));
        assertChanges(cookie, "post-new.php", 200, Set.of(), Set.of("post 4 \"Auto Draft\" auto-draft"));
        assertChanges(cookie, "post-new.php", 200, Set.of(), Set.of("post 5 \"Auto Draft\" auto-draft"));
    }

    @Test
    public void aWrongOrMissingNonceAnswers403AndChangesNothing() throws Exception {
        String cookie = logIn();
        String otherSession = logIn();
        List<String> nonced = links(client.get(MANAGE, "Cookie", cookie).body()).stream().map(Link::href)
                .filter(href -> href.contains("_wpnonce=") && !href.contains("/logout")).toList();
        assertEquals(nonced.size(), 3 + 4 * 3 + 1, "trash per post, three actions per comment, empty trash: " + nonced);
        for (String href : nonced) {
            String wrong = href.replaceAll("_wpnonce=[0-9a-f]+", "_wpnonce=0123456789");
            String missing = href.replaceAll("&_wpnonce=[0-9a-f]+", "");
            for (String attempt : List.of(wrong, missing)) {
                HttpResponse<String> response = client.get(attempt, "Cookie", cookie);
                assertEquals(response.statusCode(), 403, attempt);
                assertTrue(response.body().contains("The link you followed has expired."), attempt);
            }
            assertEquals(client.get(href, "Cookie", otherSession).statusCode(), 403, "another session's nonce: " + href);
        }
        String trashOne = link(cookie, "post.php?post=1&action=trash&");
        assertEquals(client.get(trashOne.replace("post=1", "post=3"), "Cookie", cookie).statusCode(), 403,
                "a nonce is for one action on one item");
        assertEquals(site.contentState(), SEED);
    }

    @Test
    public void theListAndAnonymousVisitsChangeNothing() throws Exception {
        String cookie = logIn();
        for (int i = 0; i < 2; i++) {
            assertEquals(client.get(MANAGE, "Cookie", cookie).statusCode(), 200);
            assertEquals(client.get("/members/manage/edit.php", "Cookie", cookie).statusCode(), 200);
            assertEquals(site.contentState(), SEED, "after listing " + (i + 1) + " time(s)");
        }
        List<String> hrefs = links(client.get(MANAGE, "Cookie", cookie).body()).stream().map(Link::href)
                .filter(href -> href.startsWith(MANAGE)).toList();
        int live = site.liveSessions();
        for (String href : hrefs) {
            HttpResponse<String> anonymous = client.get(href);
            assertEquals(anonymous.statusCode(), 303, href);
            String path = href.contains("?") ? href.substring(0, href.indexOf('?')) : href;
            assertEquals(anonymous.headers().firstValue("Location").orElse(""),
                    "/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8), href);
        }
        assertEquals(site.contentState(), SEED, "no session, no change");
        assertEquals(site.liveSessions(), live);
        assertEquals(client.get("/members/manage").statusCode(), 301);
    }

    @Test
    public void theNonceLogoutEndsTheSessionAndABareOneOnlyAsks() throws Exception {
        String cookie = logIn();
        int live = site.liveSessions();
        String logout = link(cookie, "logout?");

        HttpResponse<String> bare = client.get("/members/manage/logout", "Cookie", cookie);
        assertEquals(bare.statusCode(), 403);
        assertTrue(bare.body().contains("Do you really want to"), bare.body());
        assertTrue(links(bare.body()).contains(new Link("logout-link manage-logout", logout)), "the question links the nonce logout");
        assertEquals(client.get("/members/manage/logout?_wpnonce=0123456789", "Cookie", cookie).statusCode(), 403);
        assertEquals(site.liveSessions(), live, "a bare or wrong log-out keeps the session");
        assertEquals(client.get(MANAGE, "Cookie", cookie).statusCode(), 200);

        HttpResponse<String> out = client.get(logout, "Cookie", cookie);
        assertEquals(out.statusCode(), 302);
        assertEquals(out.headers().firstValue("Location").orElse(""), "/login?loggedout=true");
        assertEquals(out.headers().firstValue("Set-Cookie").orElse(""), "demo_session=; Path=/; Max-Age=0");
        assertEquals(site.liveSessions(), live - 1);
        assertEquals(client.get(MANAGE, "Cookie", cookie).statusCode(), 303, "the old cookie no longer works");
        assertEquals(site.contentState(), SEED);
    }

    @Test
    public void theStateIsServedAsPlainTextForAnotherJvm() throws Exception {
        String cookie = logIn();
        act(cookie, link(cookie, "comment.php?c=2&action=spamcomment&"));
        assertEquals(client.post("/contact", Map.of("name", "Ada Tester", "email", "ada@example.test",
                "message", "Checking that the contact form works.")).statusCode(), 303);

        HttpResponse<String> state = client.get("/_demo/state");
        assertEquals(state.statusCode(), 200);
        assertEquals(state.headers().firstValue("Content-Type").orElse(""), "text/plain; charset=utf-8");
        assertEquals(state.headers().firstValue("Cache-Control").orElse(""), "no-store");
        assertTrue(site.contentState().contains("comment 2 by Ann: spam\n"), site.contentState());
        assertEquals(state.body(), site.contentState() + "contact messages: " + site.contactMessages().size()
                + "\nlive sessions: " + site.liveSessions() + "\n");
        assertTrue(site.contactMessages().contains("Ada Tester <ada@example.test>: Checking that the contact form works."),
                site.contactMessages().toString());
    }

    // ---- helpers ----

    /** Logs the member in through the form, as a browser would, and returns the Cookie header value. */
    private String logIn() throws Exception {
        HttpResponse<String> response = client.post("/login", Map.of("email", DemoCredentials.MEMBER_EMAIL,
                "password", DemoCredentials.MEMBER_PASSWORD, "next", MANAGE));
        assertEquals(response.statusCode(), 303);
        assertEquals(response.headers().firstValue("Location").orElse(""), MANAGE);
        return response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    /** The href on the screen, as this session sees it now, that starts with {@code /members/manage/} + start. */
    private String link(String cookie, String start) throws Exception {
        String html = client.get(MANAGE, "Cookie", cookie).body();
        return links(html).stream().map(Link::href).filter(href -> href.startsWith(MANAGE + start)).findFirst()
                .orElseThrow(() -> new AssertionError("no link starting " + MANAGE + start + " in " + links(html)));
    }

    /** GETs an action link and checks WordPress's answer: a redirect back to the list. */
    private void act(String cookie, String href) throws Exception {
        HttpResponse<String> response = client.get(href, "Cookie", cookie);
        assertEquals(response.statusCode(), 302, href);
        assertEquals(response.headers().firstValue("Location").orElse(""), MANAGE, href);
    }

    /** GETs the link and checks exactly these snapshot lines went and came. */
    private void assertChanges(String cookie, String start, int status, Set<String> gone, Set<String> added) throws Exception {
        String href = link(cookie, start);
        String before = site.contentState();
        HttpResponse<String> response = client.get(href, "Cookie", cookie);
        assertEquals(response.statusCode(), status, href);
        if (status == 302) {
            assertEquals(response.headers().firstValue("Location").orElse(""), MANAGE, href);
        }
        String after = site.contentState();
        assertEquals(onlyIn(before, after), gone, href + " removed lines");
        assertEquals(onlyIn(after, before), added, href + " added lines");
    }

    private static Set<String> onlyIn(String snapshot, String other) {
        Set<String> lines = new LinkedHashSet<>(snapshot.lines().toList());
        lines.removeAll(other.lines().toList());
        return lines;
    }

    private static List<Link> links(String html) {
        Matcher matcher = LINK.matcher(html);
        List<Link> links = new ArrayList<>();
        while (matcher.find()) {
            links.add(new Link(matcher.group(1), matcher.group(2).replace("&amp;", "&")));
        }
        return links;
    }
}
