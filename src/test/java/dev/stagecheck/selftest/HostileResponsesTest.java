package dev.stagecheck.selftest;

import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.crawl.Crawler;
import dev.stagecheck.demo.DemoSite;
import dev.stagecheck.demo.DemoSiteProvider;
import dev.stagecheck.demo.HostileResponses;
import dev.stagecheck.verdict.AcceptedFindings;
import dev.stagecheck.verdict.CrawlVerdicts;
import dev.stagecheck.verdict.Finding;
import dev.stagecheck.verdict.FindingKind;
import dev.stagecheck.verdict.ResponseRule;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The hostile section's wire cases ({@link HostileResponses}): a redirect loop is a Redirect loop
 * (not "no answer"), a redirect to a host where nothing listens is one line, and the crawl never
 * follows a link found on the browser's own error page shown for either.
 */
public class HostileResponsesTest {
    private DemoSite demo;

    @BeforeMethod
    public void hostileOn() {
        TargetSite.baseUrl();
        demo = DemoSiteProvider.running().orElseThrow(() -> new SkipException("needs the built-in demo site (no -Dbase.url)"));
        demo.hostile(true);
    }

    @AfterMethod(alwaysRun = true)
    public void hostileOff() {
        if (demo != null) {
            demo.hostile(false);
        }
    }

    @AfterClass(alwaysRun = true)
    public void quitBrowsers() {
        BrowserSessions.quitAll();
    }

    @Test(description = "redirect loop and redirect to a dead host: one finding each, and no link of an error page is followed")
    public void redirectsAreJudgedAndErrorPagesNotCrawled() {
        var profile = Settings.current().profile();
        var session = BrowserSessions.current();
        session.resetForNextTest();
        var starts = HostileResponses.CASES.stream().map(hostile -> url(hostile.path())).toList();
        var crawl = new Crawler(session, profile, TargetSite::isSameOrigin, 1).crawl("hostile-responses", starts);
        var findings = AcceptedFindings.ofThisRun(profile).sort(
                new CrawlVerdicts(ResponseRule.of(profile), profile.crawl().pageBudget()).findings(crawl), List.of()).failing();
        var lines = findings.stream().map(Finding::line).toList();
        var said = "; the crawl found:\n  " + String.join("\n  ", lines) + "\n" + crawl.table();

        var loop = findings.stream().filter(f -> f.url().equals(url(HostileResponses.LOOP))).toList();
        assertEquals(loop.size(), 1, "one finding for the redirect loop" + said);
        assertEquals(loop.get(0).kind(), FindingKind.REDIRECT_LOOP, "the loop is a Redirect loop, not 'no answer'" + said);
        assertEquals(loop.get(0).from(), url("/hostile/redirect-loop"), "charged to the page that links to it" + said);

        var dead = findings.stream().filter(f -> f.url().equals(url(HostileResponses.TO_DEAD_HOST))).toList();
        assertEquals(dead.size(), 1, "one finding for the redirect to a dead host" + said);
        assertEquals(dead.get(0).kind(), FindingKind.BROKEN_PAGE, "a redirect nobody can follow is a Broken page" + said);
        assertTrue(dead.get(0).evidence().contains(HostileResponses.deadHost()) && dead.get(0).evidence().contains("nothing"),
                "the line says where it redirects and that nothing answers there: " + dead.get(0).line() + said);
        assertEquals(dead.get(0).from(), url("/hostile/redirect-dead-host"), "charged to the page that links to it" + said);

        // Chromium's error page for the loop links to its help pages: once followed into a false Broken link.
        var errorPages = List.of(url(HostileResponses.LOOP), url(HostileResponses.LOOP_OTHER), url(HostileResponses.TO_DEAD_HOST));
        var fromErrorPages = findings.stream().filter(f -> errorPages.contains(f.from())).map(Finding::line).toList();
        assertTrue(fromErrorPages.isEmpty(), "no link of the browser's error page was followed: " + fromErrorPages + said);
        assertFalse(crawl.pages().stream().anyMatch(p -> !TargetSite.isSameOrigin(p.url()) || p.from().equals(url(HostileResponses.LOOP))
                        || p.from().equals(url(HostileResponses.TO_DEAD_HOST))),
                "no page was crawled from an error page" + said);
        for (var hostile : HostileResponses.CASES) {
            assertTrue(crawl.pages().stream().anyMatch(p -> p.url().equals(url(hostile.afterPath())) && p.status() == 200),
                    "the calm page after " + hostile.path() + " is crawled normally" + said);
        }
    }

    private static String url(String path) {
        return TargetSite.resolve(path);
    }
}
