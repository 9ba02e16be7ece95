package dev.stagecheck.selftest;

import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.crawl.Crawler;
import dev.stagecheck.crawl.Pace;
import dev.stagecheck.demo.DemoSite;
import dev.stagecheck.demo.DemoSiteProvider;
import dev.stagecheck.verdict.CrawlVerdicts;
import dev.stagecheck.verdict.Finding;
import dev.stagecheck.verdict.FindingKind;
import dev.stagecheck.verdict.ResponseRule;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * Politeness: a crawl asks the site at most {@code crawl.rate} requests per second (counted by the
 * demo's server, not by the kit), the wait never makes a page slow, and the default is unlimited on
 * this machine and {@link Pace#DEFAULT_REMOTE_RATE} elsewhere.
 */
public class CrawlRateTest {
    private static final double RATE = 4;

    @AfterClass(alwaysRun = true)
    public void quitBrowsers() {
        BrowserSessions.quitAll();
    }

    @Test(description = "crawl.rate=4: the server counts at most 4 requests per second (one second's burst aside), and no page is slow for it")
    public void crawlKeepsToTheRate() {
        TargetSite.baseUrl();
        DemoSite demo = DemoSiteProvider.running().orElseThrow(() -> new SkipException("needs the built-in demo site (no -Dbase.url)"));
        var profile = Settings.current().profile();
        var crawl = profile.crawl();
        var paced = profile.withCrawl(new SiteProfile.Crawl(30, 3, Duration.ofMinutes(2), false, crawl.pageBudget(), false, Optional.of(RATE)));
        var session = BrowserSessions.current();
        session.resetForNextTest();
        var before = demo.requestCount();
        var started = System.nanoTime();
        var result = new Crawler(session, paced, TargetSite::isSameOrigin, 1).crawl("paced", List.of(TargetSite.resolve("/products/")));
        var seconds = (System.nanoTime() - started) / 1e9;
        var asked = demo.requestCount() - before;
        var findings = new CrawlVerdicts(ResponseRule.of(paced), crawl.pageBudget()).findings(result);
        var said = String.format("; %d requests in %.1f s (%.1f/s) for %d pages; findings: %s", asked, seconds, asked / seconds,
                result.pages().size(), findings.stream().map(Finding::line).toList());

        assertTrue(result.pages().size() >= 20, "the paced crawl still crawls the catalog" + said);
        assertTrue(asked <= RATE * (seconds + 1), "at most crawl.rate=" + RATE + " requests per second, one second's burst aside" + said);
        assertTrue(findings.stream().noneMatch(f -> f.kind() == FindingKind.SLOW_PAGE || f.kind() == FindingKind.SLOW_REQUEST),
                "waiting for its turn makes no page slow" + said);
    }

    @Test(description = "crawl.rate's default: unlimited on loopback, where nobody else is served; 30 per second for any other site")
    public void defaultRateDependsOnWhereTheSiteIs() {
        for (var local : List.of("http://127.0.0.1:8080/", "http://localhost/", "http://[::1]:9000/")) {
            assertTrue(Pace.forSite(URI.create(local), Optional.empty()).unlimited(), local + " is unlimited by default");
        }
        var remote = Pace.forSite(URI.create("https://staging.example.com/"), Optional.empty());
        assertEquals(remote.perSecond(), Pace.DEFAULT_REMOTE_RATE, "a site elsewhere gets the polite default");
        assertEquals(Pace.forSite(URI.create("https://staging.example.com/"), Optional.of(5.0)).perSecond(), 5.0, "crawl.rate wins");
        assertTrue(Pace.forSite(URI.create("https://staging.example.com/"), Optional.of(Double.POSITIVE_INFINITY)).unlimited(),
                "crawl.rate=unlimited lifts it");
    }
}
