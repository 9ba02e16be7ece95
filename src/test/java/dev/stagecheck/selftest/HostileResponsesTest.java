package dev.stagecheck.selftest;

import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.crawl.CrawlResult;
import dev.stagecheck.crawl.Crawler;
import dev.stagecheck.demo.HostileResponses;
import dev.stagecheck.verdict.Finding;
import dev.stagecheck.verdict.FindingKind;
import org.testng.annotations.Test;

import java.util.List;
import java.util.Map;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The hostile section's wire cases ({@link HostileResponses}): a redirect loop is a Redirect loop
 * (not "no answer"), a redirect to a host where nothing listens is one line, and the crawl never
 * follows a link found on the browser's own error page shown for either.
 */
public class HostileResponsesTest extends HostileSectionTest {
    private static final List<String> REDIRECTS = List.of("redirect-loop", "redirect-dead-host");
    private static final List<String> STATUSES = List.of("retry-after", "too-many-requests", "cookie-flood", "windows-sign-in", "cut-short",
            "random-bytes");
    /** The finding each wire case gives, by the URL it is charged to (the busy-once page gives none). */
    static final Map<String, FindingKind> EXPECTED = Map.of(
            HostileResponses.LOOP, FindingKind.REDIRECT_LOOP,
            HostileResponses.TO_DEAD_HOST, FindingKind.BROKEN_PAGE,
            HostileResponses.ALWAYS_BUSY, FindingKind.RATE_LIMITED,
            HostileResponses.FLOOD_IMAGE, FindingKind.BROKEN_PAGE,
            HostileResponses.FLOOD_PAGE, FindingKind.BROKEN_PAGE,
            HostileResponses.INTRANET, FindingKind.UNEXPECTED_401,
            HostileResponses.CUT_SHORT, FindingKind.BROKEN_PAGE,
            HostileResponses.NOISE, FindingKind.BROKEN_PAGE);
    @Test(description = "redirect loop and redirect to a dead host: one finding each, and no link of an error page is followed")
    public void redirectsAreJudgedAndErrorPagesNotCrawled() {
        var crawl = crawl(REDIRECTS);
        var findings = findings(crawl);
        var said = said(findings, crawl);

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
        assertCalmPagesAfter(REDIRECTS, crawl, said);
    }

    @Test(description = "429 with Retry-After is waited out once, then Rate limited; 431, Windows sign-in, a cut-short answer and random bytes each one line")
    public void statusesAreJudgedAndRetryAfterIsHonoured() {
        var started = System.nanoTime();
        var crawl = crawl(STATUSES);
        var seconds = (System.nanoTime() - started) / 1e9;
        var findings = findings(crawl);
        var said = said(findings, crawl);

        assertTrue(findings.stream().noneMatch(f -> f.url().equals(url(HostileResponses.BUSY_ONCE))),
                "a 429 whose Retry-After the crawl waited out is no finding" + said);
        assertTrue(crawl.pages().stream().anyMatch(p -> p.url().equals(url(HostileResponses.BUSY_ONCE)) && p.status() == 200),
                "asked again after its Retry-After, the busy page answers 200" + said);

        var busy = one(findings, HostileResponses.ALWAYS_BUSY, said);
        assertEquals(busy.kind(), FindingKind.RATE_LIMITED, "a page that answers 429 again after the wait is Rate limited, not a broken link" + said);
        assertTrue(busy.evidence().contains("Retry-After: " + HostileResponses.ALWAYS_BUSY_RETRY_SECONDS + " s")
                && busy.evidence().contains("asked again"), "the line says how long it was asked to wait, and that the crawl asked again: " + busy.line());

        for (var flooded : List.of(HostileResponses.FLOOD_IMAGE, HostileResponses.FLOOD_PAGE)) {
            var flood = one(findings, flooded, said);
            assertEquals(flood.kind(), FindingKind.BROKEN_PAGE, "431 is judged, not dropped" + said);
            assertTrue(flood.evidence().contains("431") && flood.evidence().contains("cookies"),
                    "the line names the 431 and its usual cause: " + flood.line());
            assertEquals(flood.from(), url("/hostile/cookie-flood"), "charged to the page that made the request" + said);
        }

        var windows = one(findings, HostileResponses.INTRANET, said);
        assertEquals(windows.kind(), FindingKind.UNEXPECTED_401, said);
        assertTrue(windows.evidence().contains("Negotiate") && windows.evidence().contains("NTLM") && windows.evidence().contains("Windows sign-in"),
                "the line names both challenges and says the kit cannot sign in there: " + windows.line());

        var cut = one(findings, HostileResponses.CUT_SHORT, said);
        assertEquals(cut.kind(), FindingKind.BROKEN_PAGE, "an answer cut short is a Broken page, not a Slow page" + said);
        assertTrue(cut.evidence().contains("cut short"), "the line says the answer was cut short: " + cut.line());

        var noise = one(findings, HostileResponses.NOISE, said);
        assertEquals(noise.kind(), FindingKind.BROKEN_PAGE, said);
        assertTrue(noise.evidence().contains("not text"), "the line says the page is not text: " + noise.line());

        var others = findings.stream().filter(f -> EXPECTED.entrySet().stream()
                .noneMatch(e -> f.url().equals(url(e.getKey())) && f.kind() == e.getValue())).map(Finding::line).toList();
        assertTrue(others.isEmpty(), "nothing but the cases' own findings (no slow page, no page hung): " + others + said);
        assertTrue(seconds < 30, "the cases take seconds, not page timeouts: " + seconds + " s" + said);
        assertCalmPagesAfter(STATUSES, crawl, said);
    }

    private static void assertCalmPagesAfter(List<String> cases, CrawlResult crawl, String said) {
        for (var name : cases) {
            assertTrue(crawl.pages().stream().anyMatch(p -> p.url().equals(url("/hostile/after-" + name)) && p.status() == 200),
                    "the calm page after /hostile/" + name + " is crawled normally" + said);
        }
    }

    private static CrawlResult crawl(List<String> cases) {
        var session = BrowserSessions.current();
        session.resetForNextTest();
        var starts = cases.stream().map(name -> url("/hostile/" + name)).toList();
        return new Crawler(session, Settings.current().profile(), CASES_ONLY, 1).crawl("hostile-responses", starts);
    }

    private static List<Finding> findings(CrawlResult crawl) {
        return findings(Settings.current().profile(), crawl);
    }

    private static Finding one(List<Finding> findings, String path, String said) {
        var at = findings.stream().filter(f -> f.url().equals(url(path))).toList();
        assertEquals(at.size(), 1, "one finding for " + path + said);
        return at.get(0);
    }
}
