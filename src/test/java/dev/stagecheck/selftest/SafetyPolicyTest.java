package dev.stagecheck.selftest;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.url.UrlPattern;
import dev.stagecheck.safety.SafetyGuard;
import dev.stagecheck.safety.SafetyPolicy;
import dev.stagecheck.url.SafeUrl;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/** The safety policy's rules: what it refuses by default, what never.visit adds and crawl.allow re-admits. */
public class SafetyPolicyTest {
    private static final SafetyPolicy DEFAULTS = SafetyPolicy.defaults();

    @DataProvider
    public Object[][] refused() {
        return new Object[][] {
                // WordPress's own action links, as an editor sees them
                {"http://x/wp-admin/post.php?post=12&action=trash&_wpnonce=8f3a2c", "action"},
                {"http://x/wp-admin/post.php?post=12&_wpnonce=8f3a2c", "_wpnonce"},
                {"http://x/wp-admin/comment.php?c=4&action=approvecomment&_wpnonce=1", "action"},
                {"http://x/wp-admin/comment.php?c=4&action=spamcomment", "action"},
                {"http://x/wp-admin/post-new.php", "new"},
                {"http://x/wp-admin/edit.php?mode=excerpt", "mode"},
                {"http://x/wp-admin/edit.php?post_status=trash&delete_all=Empty+Trash", "trash"},
                {"http://x/wp-admin/edit.php?delete_all=Empty+Trash", "delete"},
                {"http://x/wp-login.php?action=logout&_wpnonce=ab12", "action"},
                {"http://x/members/manage/logout?_wpnonce=ab12", "_wpnonce"},
                {"http://x/wp-admin/admin-ajax.php?action=heartbeat", "action"},
                {"http://x/wp-admin/update-core.php", "update"},
                // other frameworks and spellings
                {"http://x/users/7/ban", "ban"},
                {"http://x/posts/5?authenticity_token=abc", "authenticity_token"},
                {"http://x/list?_ajax_nonce=1", "_ajax_nonce"},
                {"http://x/api?CSRF_Token=1", "csrf_token"},
                {"http://x/account/Log-Out", "log-out"},
                {"http://x/SignOut", "sign-out"},
                {"http://x/signout", "signout"},
                {"http://x/deleteComment/4", "delete"},
                {"http://x/newsletter/unsubscribe?u=3", "unsubscribe"},
                {"http://x/cart/remove/4", "remove"},
                {"http://x/index.php?do=vote&id=3", "do"},
                {"http://x/a%2Ftrash%2F3", "trash"},
                {"http://x/blog/spring-update", "update"},
                {"http://x/wp-admin/plugin-install.php", "install"},
                {"http://x/delete-my-account", "delete"},
        };
    }

    @Test(dataProvider = "refused")
    public void theBuiltInRulesRefuseLinksThatAct(String url, String named) {
        var refusal = DEFAULTS.refusal(url);
        assertTrue(refusal.isPresent(), url + " should be refused");
        assertTrue(refusal.get().rule().toLowerCase().contains(named), "the rule should name " + named + ": " + refusal.get().rule());
    }

    @DataProvider
    public Object[][] allowed() {
        return new Object[][] {
                {"http://x/"}, {"http://x/news/"}, {"http://x/deleted-scenes"}, {"http://x/address"}, {"http://x/?s=pricing"},
                {"http://x/wp-admin/edit.php?post_type=page"}, {"http://x/wp-admin/edit-comments.php?comment_status=moderated"},
                {"http://x/wp-login.php?loggedout=true"}, {"http://x/members/orders"}, {"http://x/blog/2024/05/spring-sale/"},
                {"http://x/wp-admin/options-general.php"}, {"http://x/products/?orderby=price&order=asc"},
                // titles, not commands: four words or more, or the word only in the middle
                {"http://x/blog/how-to-update-wordpress"}, {"http://x/docs/old-install-guide"},
        };
    }

    @Test(dataProvider = "allowed")
    public void plainPagesPass(String url) {
        assertEquals(DEFAULTS.refusal(url), java.util.Optional.empty(), url + " should be allowed");
    }

    @Test
    public void onlyGetAndHeadPassWhateverTheUrl() {
        assertTrue(DEFAULTS.refusal("GET", "http://x/contact").isEmpty(), "GET of a plain page");
        assertTrue(DEFAULTS.refusal("head", "http://x/contact").isEmpty(), "HEAD, in any case");
        for (var method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            var refusal = DEFAULTS.refusal(method, "http://x/contact");
            assertTrue(refusal.isPresent() && refusal.get().rule().contains("method " + method), method + " must be refused: " + refusal);
        }
    }

    @Test
    public void neverVisitAddsAndCrawlAllowReadmitsButNeverOverridesNeverVisit() {
        var policy = new SafetyPolicy(List.of(UrlPattern.of("*/private/*")), List.of(UrlPattern.of("*/blog/spring-update*"),
                UrlPattern.of("*/private/ok*")));
        assertTrue(policy.refusal("http://x/private/report").orElseThrow().rule().contains("never.visit */private/*"),
                "never.visit adds a refusal, naming its pattern");
        assertTrue(DEFAULTS.refusal("http://x/blog/spring-update").isPresent(), "the word rule refuses this post");
        assertTrue(policy.refusal("http://x/blog/spring-update").isEmpty(), "crawl.allow re-admits a post the word rule refused");
        assertTrue(policy.refusal("http://x/private/ok").isPresent(), "never.visit wins over crawl.allow");
        assertTrue(policy.refusal("POST", "http://x/blog/spring-update").isPresent(), "crawl.allow never admits another method");
    }

    @Test
    public void globSyntaxTheKitDoesNotKnowIsRefusedInOneLine() {
        for (var glob : List.of("*/{a,b}/*", "*/[abc]*", "!*/x*", "/logout")) {
            var problem = UrlPattern.problem(glob);
            assertTrue(problem.isPresent(), glob + " should be refused");
            assertFalse(problem.get().contains("\n"), "one line: " + problem.get());
        }
        assertTrue(UrlPattern.problem("*/logout*").isEmpty() && UrlPattern.problem("https://x/admin/*").isEmpty(), "plain globs pass");
    }

    @Test
    public void aProfileWithUnknownGlobSyntaxFailsWithOneLineNamingTheKey() throws Exception {
        var file = java.nio.file.Files.createTempFile("stagecheck-glob", ".properties");
        try {
            java.nio.file.Files.writeString(file, "nav.links=nav a\ncrawl.allow=*/blog/{ab}*\n");
            var properties = new java.util.Properties();
            try (var in = java.nio.file.Files.newBufferedReader(file)) {
                properties.load(in);
            }
            var error = org.testng.Assert.expectThrows(ConfigException.class,
                    () -> dev.stagecheck.config.SiteProfile.from(new dev.stagecheck.config.ProfileReader(properties, file.toString())));
            assertTrue(error.getMessage().contains("crawl.allow") && error.getMessage().contains("{ab}") && !error.getMessage().contains("\n"),
                    "one line naming the key and the pattern: " + error.getMessage());
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    public void theGuardLetsTypedUrlsAndDeclaredChecksThroughButNeverAPageScriptsPostOutsideThem() {
        var guard = new SafetyGuard(DEFAULTS);
        assertTrue(guard.navigation("http://x/logout").isPresent(), "a logout link is refused");
        guard.typed("http://x/logout");
        assertTrue(guard.navigation("http://x/logout#top").isEmpty(), "logout.url, typed by the kit itself, passes");
        assertTrue(guard.probe("http://x/logout").isPresent(), "but a probe never fetches it");
        assertTrue(guard.browserRequest("POST", "http://x/wp-admin/admin-ajax.php", false).isPresent(), "a page script's POST is stopped");
        assertTrue(guard.browserRequest("GET", "http://x/img.png?sig=1", false).isEmpty(), "the page's own images pass");
        assertTrue(guard.declared(() -> guard.browserRequest("POST", "http://x/login", true)).isEmpty(), "the declared login form may POST");
        guard.forget();
        assertTrue(guard.navigation("http://x/logout").isPresent(), "typed URLs are forgotten between tests");
    }

    @Test
    public void noncesAreMaskedWhereverAUrlIsShown() {
        var shown = SafeUrl.of("http://x/wp-admin/post.php?post=3&action=trash&_wpnonce=8f3a2c1d");
        assertFalse(shown.contains("8f3a2c1d"), "the nonce must not be shown: " + shown);
        assertTrue(DEFAULTS.refusal("http://x/p?_wpnonce=8f3a2c1d").orElseThrow().url().contains("_wpnonce=***"), "nor in a refusal");
    }

    @Test(description = "while the kit's credentials ride on every request, the browser asks no other site (its analytics, fonts, CDN)")
    public void credentialsNeverLeaveTheSite() {
        var guard = new SafetyGuard(DEFAULTS);
        var refused = new java.util.ArrayList<String>();
        guard.credentialsTo("http://127.0.0.1:8080", () -> {
            assertTrue(guard.browserRequest("GET", "http://127.0.0.1:8080/assets/site.js", false).isEmpty(), "the site's own script passes");
            assertTrue(guard.browserRequest("GET", "http://127.0.0.1:8080/members/", true).isEmpty(), "the site's own page passes");
            guard.browserRequest("GET", "https://cdn.example.net/lib.js", false).ifPresent(refusal -> refused.add(refusal.rule()));
            guard.browserRequest("GET", "http://localhost:8080/x.png", false).ifPresent(refusal -> refused.add(refusal.rule()));
            guard.declared(() -> guard.browserRequest("POST", "https://www.google-analytics.com/collect", false)
                    .ifPresent(refusal -> refused.add(refusal.rule())));
        });
        assertEquals(refused.size(), 3, "another host, another origin of the same machine, and one inside a declared check: " + refused);
        assertTrue(refused.get(0).contains("never leave that site"), refused.get(0));
        assertTrue(guard.browserRequest("GET", "https://cdn.example.net/lib.js", false).isEmpty(), "without credentials a page's CDN passes again");
    }
}
