package dev.stagecheck.selftest;

import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.Settings;
import dev.stagecheck.crawl.CrawlResult;
import dev.stagecheck.crawl.Crawler;
import dev.stagecheck.crawl.PageRecord;
import dev.stagecheck.demo.HostileContent;
import dev.stagecheck.verdict.Finding;
import dev.stagecheck.verdict.FindingKind;
import org.testng.annotations.Test;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * The hostile section's odd content ({@link HostileContent}): a download, a PDF, a chain of 15
 * redirects, a self-refreshing page, a script redirect, odd links and a 5 MB page of 20,000 links.
 * The crawl gets past each without a false finding; the 20,000 near-duplicate links are one
 * Possible crawl trap, and the 5 MB page may be a Slow page (it is one, on a slow machine).
 */
public class HostileContentTest extends HostileSectionTest {
    /** The findings these cases may give: the trap always, the huge page's slowness where it is slow. */
    static final Predicate<Finding> EXPECTED = f -> f.kind() == FindingKind.CRAWL_TRAP && f.url().startsWith(url(HostileContent.HUGE_ITEM))
            || f.kind() == FindingKind.SLOW_PAGE && f.url().equals(url(HostileContent.HUGE));
    @Test(description = "downloads, a 15-hop chain, a meta refresh, a script redirect, odd links and a 5 MB page: crawled past, no false finding")
    public void oddContentIsCrawledPast() {
        var profile = Settings.current().profile();
        var session = BrowserSessions.current();
        session.resetForNextTest();
        var started = System.nanoTime();
        var crawl = new Crawler(session, profile, CASES_ONLY, 1).crawl("hostile-content",
                HostileContent.CASES.stream().map(hostile -> url(hostile.path())).toList());
        var seconds = (System.nanoTime() - started) / 1e9;
        var findings = findings(profile, crawl);
        var said = said(findings, crawl);

        var others = findings.stream().filter(EXPECTED.negate()).map(Finding::line).toList();
        assertTrue(others.isEmpty(), "no finding but the huge page's trap (and slowness): " + others + said);
        assertTrue(findings.stream().anyMatch(f -> f.kind() == FindingKind.CRAWL_TRAP && f.url().startsWith(url(HostileContent.HUGE_ITEM))),
                "the 20,000 near-duplicate links are one Possible crawl trap" + said);
        assertTrue(crawl.pages().stream().filter(p -> p.url().startsWith(url(HostileContent.HUGE_ITEM))).count() <= 25,
                "the trap's links are counted, not crawled" + said);

        assertCrawled(crawl, "/downloads/widget-1.4.zip", said);
        assertCrawled(crawl, "/downloads/widget-datasheet.pdf", said);
        assertCrawled(crawl, HostileContent.CHAIN + "1", said);
        assertCrawled(crawl, HostileContent.REFRESHING, said);
        assertCrawled(crawl, HostileContent.HUGE, said);
        for (var odd : HostileContent.ODD_TARGETS) {
            assertCrawled(crawl, odd, said);
        }
        assertTrue(crawl.pages().stream().noneMatch(p -> !p.url().startsWith("http")), "no javascript:, mailto:, tel: or data: link is opened" + said);
        for (var hostile : HostileContent.CASES) {
            assertCrawled(crawl, hostile.afterPath(), said);
        }
        assertTrue(crawl.stoppedEarly().isEmpty(), "the crawl ran to its end: " + crawl.stoppedEarly() + said);
        assertTrue(seconds < 60, "odd content costs seconds, not page timeouts: " + seconds + " s" + said);
    }

    /** Crawled exactly once (a refresh, a fragment or a second spelling is no second visit), with 200. */
    private static void assertCrawled(CrawlResult crawl, String path, String said) {
        List<PageRecord> visits = crawl.pages().stream().filter(p -> p.url().equals(url(path))).toList();
        assertEquals(visits.size(), 1, path + " is crawled once" + said);
        Optional<PageRecord> page = visits.stream().findFirst();
        assertTrue(page.get().status() == 200, path + " answered 200: " + page + said);
    }
}
