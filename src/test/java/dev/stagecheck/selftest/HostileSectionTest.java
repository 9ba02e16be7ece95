package dev.stagecheck.selftest;

import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.crawl.CrawlResult;
import dev.stagecheck.demo.DemoSite;
import dev.stagecheck.demo.DemoSiteProvider;
import dev.stagecheck.demo.HostilePages;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.verdict.AcceptedFindings;
import dev.stagecheck.verdict.CrawlVerdicts;
import dev.stagecheck.verdict.Finding;
import dev.stagecheck.verdict.ResponseRule;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;

import java.net.URI;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the self-tests of the demo's hostile section share: the section switched on for each test
 * and off after it, the browsers quit after the class (the next class gets a browser no hostile
 * page has touched), and the crawl's findings as a run judges them.
 */
abstract class HostileSectionTest {
    /**
     * The links a crawl of the cases follows: the cases, what they link to and the files they offer;
     * never the menu or the section's index, which would crawl the whole demo.
     */
    static final Predicate<String> CASES_ONLY = link -> {
        if (!TargetSite.isSameOrigin(link)) {
            return false;
        }
        var path = URI.create(link).getPath();
        return path.startsWith(HostilePages.ROOT + "/") && !path.equals(HostilePages.INDEX) || path.startsWith("/downloads/");
    };

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

    /** The crawl's findings as the checklist gives them: the profile's accepted findings set aside. */
    static List<Finding> findings(SiteProfile profile, CrawlResult crawl) {
        return AcceptedFindings.ofThisRun(profile).sort(
                new CrawlVerdicts(ResponseRule.of(profile), profile.crawl().pageBudget()).findings(crawl), List.of()).failing();
    }

    /** What a failed assertion shows: every finding, the crawl's table, and why it stopped early if it did. */
    static String said(List<Finding> findings, CrawlResult crawl) {
        return "; the crawl found:\n  " + String.join("\n  ", findings.stream().map(Finding::line).toList()) + "\n" + crawl.table()
                + crawl.stoppedEarly().map(reason -> "stopped early: " + reason + "\n").orElse("");
    }

    static String url(String path) {
        return TargetSite.resolve(path);
    }
}
