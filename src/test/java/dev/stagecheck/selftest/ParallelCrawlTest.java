package dev.stagecheck.selftest;

import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.crawl.CrawlResult;
import dev.stagecheck.crawl.Crawler;
import dev.stagecheck.crawl.PageRecord;
import dev.stagecheck.demo.DemoSiteProvider;
import dev.stagecheck.demo.Fault;
import dev.stagecheck.pages.LoginPage;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * A crawl shared by two browsers (crawl.workers=2) sees exactly what one browser sees: the same
 * pages with the same statuses, as a visitor and as a signed-in member (the helper gets the
 * member's cookies), and a 401 page is still caught.
 */
public class ParallelCrawlTest {

    @AfterClass(alwaysRun = true)
    public void quitBrowsers() {
        BrowserSessions.quitAll();
    }

    @Test(description = "two browsers crawl the same pages with the same statuses as one, as visitor and as member")
    public void twoBrowsersSeeWhatOneSees() {
        var profile = Settings.current().profile();
        var session = BrowserSessions.current();
        var start = List.of(TargetSite.resolve("/"));
        session.resetForNextTest();
        var one = new Crawler(session, profile, TargetSite::isSameOrigin, 1).crawl("one", start);
        session.resetForNextTest();
        var two = new Crawler(session, profile, TargetSite::isSameOrigin, 2).crawl("two", start);
        assertEquals(statuses(two), statuses(one), "the visitor crawl by two browsers");

        var login = profile.login().orElseThrow();
        session.resetForNextTest();
        var page = new LoginPage(session, login);
        page.open();
        page.loginAs(login.username(), login.password());
        assertTrue(page.showsLoggedIn(), "the demo login should work");
        var memberStart = List.of(TargetSite.resolve(login.memberUrl()));
        var memberTwo = new Crawler(session, profile, TargetSite::isSameOrigin, 2).crawl("member two", memberStart);
        var memberOne = new Crawler(session, profile, TargetSite::isSameOrigin, 1).crawl("member one", memberStart);
        assertEquals(statuses(memberTwo), statuses(memberOne), "the member crawl by two browsers (the helper signed in by cookie)");
        assertTrue(memberTwo.pages().stream().anyMatch(p -> p.url().contains("/members/") && p.status() == 200),
                "member pages should answer 200 to both browsers: " + statuses(memberTwo));
    }

    @Test(description = "a page answering 401 is caught by a crawl of two browsers")
    public void twoBrowsersCatchA401Page() {
        TargetSite.baseUrl();
        var demo = DemoSiteProvider.running().orElseThrow(() -> new SkipException("needs the built-in demo site (no -Dbase.url)"));
        var session = BrowserSessions.current();
        session.resetForNextTest();
        demo.faults(Set.of(Fault.PUBLIC_401));
        CrawlResult crawl;
        try {
            crawl = new Crawler(session, Settings.current().profile(), TargetSite::isSameOrigin, 2)
                    .crawl("fault", List.of(TargetSite.resolve("/")));
        } finally {
            demo.faults(Set.of());
        }
        assertEquals(statuses(crawl).get(TargetSite.resolve("/company/press")), Integer.valueOf(401), "the press page: " + statuses(crawl));
    }

    private static Map<String, Integer> statuses(CrawlResult crawl) {
        return crawl.pages().stream().collect(Collectors.toMap(PageRecord::url, PageRecord::status, (a, b) -> a, TreeMap::new));
    }
}
