package dev.stagecheck.selftest;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.crawl.CrawlResult;
import dev.stagecheck.crawl.Crawler;
import dev.stagecheck.crawl.PageRecord;
import dev.stagecheck.demo.HostileHangs;
import dev.stagecheck.demo.HostilePages;
import dev.stagecheck.verdict.Finding;
import dev.stagecheck.verdict.FindingKind;
import org.testng.SkipException;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The hostile section's hangs and traps ({@link HostileHangs}): a script that never ends, an image
 * that answers after two minutes, a 5 s page, a calendar without end and a listing of
 * near-duplicates. Each costs at most one page timeout (here {@value #PAGE_TIMEOUT_SECONDS} s),
 * gets one finding naming it, and the pages after it are crawled normally in a working browser.
 */
public class HangsAndTrapsTest extends HostileSectionTest {
    static final int PAGE_TIMEOUT_SECONDS = 8;
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(PAGE_TIMEOUT_SECONDS);
    /** Room for the rest of a visit (reads, the browser's own work) on a busy 2-core machine. */
    private static final Duration SLACK = Duration.ofSeconds(12);

    private Settings settings;

    /** After the section is on (HostileSectionTest): a short page timeout, so a hang costs seconds. */
    @BeforeMethod
    public void shortPageTimeout() {
        var properties = new Properties();
        properties.putAll(System.getProperties());
        properties.setProperty("timeout.page", PAGE_TIMEOUT_SECONDS + "s");
        settings = browser(Settings.load(properties, System.getenv()));
        BrowserSession.unavailable(settings).ifPresent(reason -> {
            throw new SkipException(settings.browser() + " cannot run here: " + reason);
        });
    }

    /** The browser the cases run in: the run's own (Chromium unless -Dbrowser says otherwise). */
    Settings browser(Settings settings) {
        return settings;
    }

    @Test(description = "a script that never ends costs one page timeout, is a Page hung finding, and the next pages load normally")
    public void endlessScriptIsOnePageHung() {
        var after = url(HostileHangs.ENTRIES.get(0).afterPath());
        var crawl = crawl(List.of(url(HostileHangs.HANG_SCRIPT), after, url("/products/")), limits(20, 0, Duration.ofMinutes(2)));
        var findings = findings(crawl);
        var said = said(findings, crawl);
        assertTrue(findings.stream().anyMatch(f -> f.kind() == FindingKind.PAGE_HUNG && f.url().equals(url(HostileHangs.HANG_SCRIPT))),
                "a Page hung finding on " + HostileHangs.HANG_SCRIPT + said);
        assertCalm(crawl, after, said);
        assertCalm(crawl, url("/products/"), said);
        assertTrue(crawl.millis() < PAGE_TIMEOUT.plus(SLACK).plus(SLACK).toMillis(), "the hung page cost at most one page timeout" + said);
        assertWorkingBrowser();
    }

    @Test(description = "a page that runs out of memory is a Page crashed the tab finding; the crawl goes on and the next test gets a working browser")
    public void outOfMemoryTabIsReplaced() {
        var after = url(HostileHangs.ENTRIES.get(1).afterPath());
        var browser = session();
        var crawl = crawl(List.of(url(HostileHangs.OUT_OF_MEMORY), after, url("/products/")), limits(20, 0, Duration.ofMinutes(2)));
        var findings = findings(crawl);
        var said = said(findings, crawl);
        // On a busy machine the page may fill memory slower than the page timeout: then it is stopped as hung, before it dies.
        var crashed = findings.stream().anyMatch(f -> f.kind() == FindingKind.CRASHED_TAB && f.url().equals(url(HostileHangs.OUT_OF_MEMORY)));
        assertTrue(crashed || findings.stream().anyMatch(f -> f.kind() == FindingKind.PAGE_HUNG && f.url().equals(url(HostileHangs.OUT_OF_MEMORY))),
                "a Page crashed the tab (or Page hung) finding on " + HostileHangs.OUT_OF_MEMORY + said);
        assertEquals(findings.size(), 1, "the crash is the one finding" + said);
        assertCalm(crawl, after, said);
        assertCalm(crawl, url("/products/"), said);
        if (crashed) {
            assertFalse(browser.isAlive(), "the browser whose tab crashed is not handed to the next test (WebDriver refuses that tab)");
        }
        assertWorkingBrowser();
    }

    @Test(description = "an image that answers after 120 s costs one page timeout and is named as the slow request of its page")
    public void hungImageIsNamed() {
        var after = url(HostileHangs.ENTRIES.get(2).afterPath());
        var crawl = crawl(List.of(url(HostileHangs.SLOW_IMAGE), after), limits(20, 0, Duration.ofMinutes(2)));
        var findings = findings(crawl);
        var said = said(findings, crawl);
        assertTrue(findings.stream().anyMatch(f -> f.kind() == FindingKind.SLOW_REQUEST && f.url().equals(url(HostileHangs.SLOW_IMAGE_FILE))
                && f.from().equals(url(HostileHangs.SLOW_IMAGE))), "a Slow request naming the image of " + HostileHangs.SLOW_IMAGE + said);
        assertEquals(findings.size(), 1, "the hung image is the one finding (no slow page, no broken page)" + said);
        assertCalm(crawl, after, said);
        assertTrue(crawl.millis() < PAGE_TIMEOUT.plus(SLACK).toMillis(), "the hung image cost at most one page timeout" + said);
        assertWorkingBrowser();
    }

    @Test(description = "a 5 s page is a Slow page and costs its 5 s, nothing more")
    public void slowPageIsSlow() {
        var after = url(HostileHangs.ENTRIES.get(3).afterPath());
        var crawl = crawl(List.of(url(HostileHangs.SLOW_PAGE), after), limits(20, 0, Duration.ofMinutes(2)));
        var findings = findings(crawl);
        var said = said(findings, crawl);
        assertTrue(findings.stream().anyMatch(f -> f.kind() == FindingKind.SLOW_PAGE && f.url().equals(url(HostileHangs.SLOW_PAGE))),
                "a Slow page finding on " + HostileHangs.SLOW_PAGE + said);
        assertEquals(findings.size(), 1, "the slow page is the one finding" + said);
        assertCalm(crawl, after, said);
    }

    @Test(description = "the calendar without end stops at crawl.max.depth, and the crawl says so and how many URLs were left")
    public void endlessCalendarEndsAtALimit() {
        var crawl = crawl(List.of(url(HostileHangs.CALENDAR_START)), limits(50, 4, Duration.ofMinutes(2)),
                url -> url.contains(HostileHangs.CALENDAR));
        var said = said(findings(crawl), crawl);
        assertEquals(crawl.pages().stream().filter(p -> p.url().contains("/calendar/")).count(), 5L, "months 0 to 4 deep" + said);
        assertTrue(crawl.stoppedEarly().map(s -> s.contains("crawl.max.depth=4") && s.contains("1 URL")).orElse(false),
                "the crawl names the depth limit and the one URL left: " + crawl.stoppedEarly() + said);
    }

    @Test(description = "a listing of near-duplicate URLs is one Possible crawl trap finding and does not eat the page budget")
    public void nearDuplicatesAreOneCrawlTrap() {
        var crawl = crawl(List.of(url(HostileHangs.LISTING_START), url("/products/")), limits(60, 5, Duration.ofMinutes(2)),
                url -> url.contains(HostileHangs.LISTING) || url.contains("/products/"));
        var findings = findings(crawl);
        var said = said(findings, crawl);
        var traps = findings.stream().filter(f -> f.kind() == FindingKind.CRAWL_TRAP).toList();
        assertEquals(traps.size(), 1, "one Possible crawl trap finding" + said);
        assertTrue(traps.get(0).url().contains(HostileHangs.LISTING), "the trap names the listing" + said);
        var listings = crawl.pages().stream().filter(p -> p.url().contains(HostileHangs.LISTING)).count();
        assertTrue(listings <= 21, "the listing did not eat the page budget: " + listings + " listing pages (the start and 20 more)" + said);
        assertTrue(crawl.pages().stream().anyMatch(p -> p.url().equals(url("/products/alpha"))), "the rest of the site was crawled" + said);
        assertTrue(crawl.stoppedEarly().isEmpty(), "the crawl was not stopped by the page limit: " + crawl.stoppedEarly() + said);
    }

    @Test(description = "crawl.max.time is honoured to within one page timeout, even with hung pages in the way")
    public void maxTimeHoldsWithHangs() {
        var maxTime = Duration.ofSeconds(10);
        var crawl = crawl(List.of(url(HostileHangs.SLOW_IMAGE), url(HostileHangs.HANG_SCRIPT), url(HostileHangs.SLOW_PAGE),
                url(HostilePages.INDEX), url("/products/")), limits(100, 5, maxTime));
        var said = said(findings(crawl), crawl);
        assertTrue(crawl.stoppedEarly().map(s -> s.contains("crawl.max.time")).orElse(false), "the time limit stopped the crawl" + said);
        assertTrue(crawl.millis() <= maxTime.plus(PAGE_TIMEOUT).plus(SLACK).toMillis(),
                "the crawl ended within crawl.max.time + timeout.page (+ slack): " + crawl.millis() + " ms" + said);
        assertWorkingBrowser();
    }

    CrawlResult crawl(List<String> start, SiteProfile.Crawl limits) {
        return crawl(start, limits, TargetSite::isSameOrigin);
    }

    /** A crawl of the part of the demo {@code within} admits (the rest of the hostile section costs time the case does not need). */
    private CrawlResult crawl(List<String> start, SiteProfile.Crawl limits, Predicate<String> within) {
        var session = session();
        session.resetForNextTest();
        return new Crawler(session, settings.profile().withCrawl(limits), url -> TargetSite.isSameOrigin(url) && within.test(url), 1)
                .crawl("hangs", start);
    }

    private BrowserSession session() {
        var existing = BrowserSessions.existing();
        if (existing.isPresent() && (!existing.get().settings().pageTimeout().equals(PAGE_TIMEOUT)
                || existing.get().settings().browser() != settings.browser())) {
            BrowserSessions.quitAll();
        }
        return BrowserSessions.current(settings);
    }

    List<Finding> findings(CrawlResult crawl) {
        return findings(settings.profile(), crawl);
    }

    private void assertWorkingBrowser() {
        var session = session();
        assertTrue(session.isAlive(), "the browser still answers");
        var next = session.navigateTo(url("/products/"));
        assertTrue(next.isPresent() && next.get().status() == 200, "the next test's page loads: " + next);
        assertEquals(session.read("return document.title;") instanceof String, true, "the next page answers scripts");
    }

    private static void assertCalm(CrawlResult crawl, String url, String said) {
        Optional<PageRecord> page = crawl.pages().stream().filter(p -> p.url().equals(url)).findFirst();
        assertTrue(page.isPresent() && page.get().status() == 200 && page.get().error().isEmpty() && !page.get().title().isEmpty(),
                url + " is crawled normally after the hostile page: " + page + said);
    }

    static SiteProfile.Crawl limits(int pages, int depth, Duration time) {
        var crawl = Settings.current().profile().crawl();
        return new SiteProfile.Crawl(pages, depth, time, false, crawl.pageBudget(), false, crawl.rate());
    }

}
