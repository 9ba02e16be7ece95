package dev.stagecheck.selftest;

import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.crawl.Crawler;
import dev.stagecheck.demo.DemoSiteProvider;
import dev.stagecheck.demo.Fault;
import dev.stagecheck.verdict.AcceptedFindings;
import dev.stagecheck.verdict.CrawlVerdicts;
import dev.stagecheck.verdict.Finding;
import dev.stagecheck.verdict.FindingKind;
import dev.stagecheck.verdict.ResponseRule;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;

import java.util.List;
import java.util.Set;

import static org.testng.Assert.assertTrue;

/**
 * Time is charged to the page that spent it. The demo's live status page starts a background
 * request that takes longer than the page budget and holds the visitor's server session meanwhile
 * ({@link Fault#SLOW_REQUEST}); the status history page, crawled right after it, loads at once when
 * nothing else holds the session. The crawl must name the slow request and the page that made it,
 * and must not call the next page slow.
 */
public class SlowRequestTest {

    @AfterClass(alwaysRun = true)
    public void quitBrowsers() {
        BrowserSessions.quitAll();
    }

    @Test(description = "a slow XHR is a Slow request of the page that made it, and the page crawled next is not slow")
    public void slowRequestIsChargedToItsPage() {
        TargetSite.baseUrl();
        var demo = DemoSiteProvider.running().orElseThrow(() -> new SkipException("needs the built-in demo site (no -Dbase.url)"));
        var profile = Settings.current().profile();
        var session = BrowserSessions.current();
        session.resetForNextTest();
        var live = TargetSite.resolve("/status/live");
        var history = TargetSite.resolve("/status/history");
        List<Finding> findings;
        demo.faults(Set.of(Fault.SLOW_REQUEST));
        try {
            // Both as start pages, so the history page is the very next one the crawl visits.
            var crawl = new Crawler(session, profile, TargetSite::isSameOrigin, 1).crawl("slow", List.of(live, history));
            // As the crawl test judges them: the profile's accepted findings (the demo's kept broken link) fail nothing.
            findings = AcceptedFindings.ofThisRun(profile).sort(
                    new CrawlVerdicts(ResponseRule.of(profile), profile.crawl().pageBudget()).findings(crawl), List.of()).failing();
        } finally {
            demo.faults(Set.of());
        }
        var lines = findings.stream().map(Finding::line).toList();
        var slowRequest = FindingKind.SLOW_REQUEST;
        assertTrue(findings.stream().anyMatch(f -> f.kind() == slowRequest && f.url().equals(TargetSite.resolve("/status/api/report"))
                        && f.from().equals(live)),
                "expected a Slow request finding for /status/api/report made by " + live + "; the crawl found: " + lines);
        assertTrue(findings.stream().noneMatch(f -> f.kind() == FindingKind.SLOW_PAGE),
                "no page is slow (the report request is; the history page only waited for it): " + lines);
        assertTrue(findings.stream().allMatch(f -> f.kind() == slowRequest), "nothing but the slow request: " + lines);
    }
}
