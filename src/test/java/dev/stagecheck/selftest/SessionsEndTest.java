package dev.stagecheck.selftest;

import dev.stagecheck.config.BrowserKind;
import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.SiteProfile.Login;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.demo.DemoSite;
import dev.stagecheck.demo.DemoSiteProvider;
import dev.stagecheck.pages.LoginPage;
import org.testng.SkipException;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

import java.util.List;
import java.util.Optional;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * Sessions end: every login the checklist makes is logged out again before the next test and when
 * the browser quits, also one whose cookies a test cleared, and through the site's own nonce link
 * where the profile names one (logout.link), which the safety policy would never follow on its own.
 */
public class SessionsEndTest {

    @AfterMethod(alwaysRun = true)
    public void quitBrowsers() {
        BrowserSessions.quitAll();
    }

    @Test(description = "a login is logged out before the next test starts")
    public void aLoginIsLoggedOutBeforeTheNextTest() {
        var start = loggedIn(Settings.current(), demoLogin());
        start.session().resetForNextTest();
        assertEquals(start.demo().liveSessions(), start.before(), "the reset before the next test should have logged the session out");
    }

    @Test(description = "a session whose cookies the test cleared is ended too (its cookies are put back for the logout)")
    public void aSessionWhoseCookiesWereClearedIsEndedToo() {
        var start = loggedIn(Settings.current(), demoLogin());
        start.session().driver().manage().deleteAllCookies();
        logIn(start.page());
        assertEquals(start.demo().liveSessions(), start.before() + 2, "two logins, the first one's cookies cleared: two sessions on the server");
        start.session().resetForNextTest();
        assertEquals(start.demo().liveSessions(), start.before(), "both sessions should have been logged out, the orphaned one too");
    }

    @DataProvider
    public Object[][] browsers() {
        return new Object[][] {{BrowserKind.CHROMIUM}, {BrowserKind.WEBKIT}};
    }

    /** In each browser: its witness (DevTools, or WebKit's recording proxy) must hand the site the link's real nonce. */
    @Test(dataProvider = "browsers", description = "logout.link follows the site's own nonce link, which the safety policy refuses to any crawl")
    public void logoutLinkFollowsTheSitesNonceLink(BrowserKind browser) {
        var settings = Settings.current().withBrowser(browser);
        BrowserSession.unavailable(settings).ifPresent(reason -> {
            throw new SkipException(browser.key() + " cannot run here: " + reason);
        });
        var start = loggedIn(settings, new Login("/login", "#email", "#password", "#login-submit", ".member-greeting", ".login-error",
                demoLogin().username(), demoLogin().password(), "/members/manage/", Optional.empty(), Optional.of("a.manage-logout"), Optional.empty(), List.of()));
        var link = TargetSite.resolve("/members/manage/logout?_wpnonce=0123456789");
        assertTrue(Settings.current().profile().safety().refusal(link).isPresent(), "a crawl must never follow the nonce logout link");
        start.page().logout();
        assertEquals(start.demo().liveSessions(), start.before(), "logging out through logout.link should have ended the session");
        start.page().openMemberPage("/members/manage/");
        assertTrue(start.page().isShowingForm(), "after the logout the editor area should ask for a login again");
    }

    @Test(description = "a browser that quits at the end of the run logs its sessions out first")
    public void aBrowserThatQuitsLogsOutFirst() {
        var start = loggedIn(Settings.current(), demoLogin());
        BrowserSessions.quitAll();
        assertEquals(start.demo().liveSessions(), start.before(), "quitting the browser should have logged the session out first");
    }

    /** A fresh first visit, then one login: the site's live sessions before it, and the browser and page that made it. */
    private record Start(DemoSite demo, int before, BrowserSession session, LoginPage page) {}

    private static Start loggedIn(Settings settings, Login login) {
        TargetSite.baseUrl();
        var demo = DemoSiteProvider.running().orElseThrow(() -> new SkipException("needs the built-in demo site (no -Dbase.url)"));
        var session = BrowserSessions.current(settings);
        session.resetForNextTest();
        var before = demo.liveSessions();
        var page = new LoginPage(session, login);
        logIn(page);
        assertEquals(demo.liveSessions(), before + 1, "the login should have opened a session");
        return new Start(demo, before, session, page);
    }

    private static void logIn(LoginPage page) {
        var login = demoLogin();
        page.open();
        page.loginAs(login.username(), login.password());
        assertTrue(page.showsLoggedIn(), "the demo login should work: " + page.currentUrl());
    }

    private static Login demoLogin() {
        return Settings.current().profile().login().orElseThrow(() -> new SkipException("the profile has no login"));
    }
}
