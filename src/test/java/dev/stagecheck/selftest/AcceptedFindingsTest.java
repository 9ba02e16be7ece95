package dev.stagecheck.selftest;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.ProfileReader;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.verdict.AcceptedFindings;
import dev.stagecheck.verdict.Baseline;
import dev.stagecheck.verdict.BaselineComparison;
import dev.stagecheck.verdict.CrawlVerdicts;
import dev.stagecheck.verdict.Finding;
import dev.stagecheck.verdict.FindingKind;
import dev.stagecheck.verdict.ServerLogWatch;
import org.testng.annotations.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

/**
 * Accepted findings (accept.N.kind/url/reason): what a line accepts and what it does not (another
 * kind on the same URL, the same kind elsewhere), the refusals of bad lines, regressions that follow
 * an accepted finding, and the one line about an accept that matched nothing. No browser.
 */
public class AcceptedFindingsTest {
    private static final String FILE = "sites/test.properties";
    private static final String OLD = "http://staging.example/legacy/old-page";

    @Test(description = "a finding of the line's kind on a matching URL is accepted; another kind there, or the kind elsewhere, still fails")
    public void acceptsOnlyItsKindOnItsUrls() {
        var accepted = accepting(Map.of("accept.1.kind", "broken LINK", "accept.1.url", "*/legacy/*", "accept.1.reason", "kept for the archive"));
        var broken = new Finding(FindingKind.BROKEN_LINK, OLD, "http://staging.example/docs/", "document answered 404");
        var serverError = new Finding(FindingKind.SERVER_ERROR, OLD, "http://staging.example/docs/", "document answered 500");
        var elsewhere = new Finding(FindingKind.BROKEN_LINK, "http://staging.example/docs/gone", "http://staging.example/docs/", "document answered 404");

        var sorted = accepted.sort(List.of(broken, serverError, elsewhere), List.of());

        assertEquals(sorted.failing(), List.of(serverError, elsewhere), "only the Broken link under /legacy/ is accepted");
        assertEquals(sorted.accepted().size(), 1, sorted.accepted().toString());
        assertEquals(sorted.accepted().get(0).text(), "accepted: Broken link " + OLD + " (from http://staging.example/docs/)"
                + " document answered 404: kept for the archive (accept.1)");
        assertFalse(sorted.table().contains("Broken link: "), "an accepted finding must never read as a failure label: " + sorted.table());
    }

    @Test(description = "a glob starting with / is joined to the site's base URL")
    public void pathGlobIsJoinedToTheBaseUrl() {
        var accepted = accepting(Map.of("accept.1.kind", "Broken link", "accept.1.url", "/docs/release-notes-*", "accept.1.reason", "removed on purpose"));
        var onSite = new Finding(FindingKind.BROKEN_LINK, TargetSite.resolve("/docs/release-notes-2019"), "", "document answered 404");
        var otherSite = new Finding(FindingKind.BROKEN_LINK, "http://other.example/docs/release-notes-2019", "", "external link answered 404");

        assertEquals(accepted.sort(List.of(onSite, otherSite), List.of()).failing(), List.of(otherSite));
    }

    @Test(description = "a Server log line is matched by the URL it requests")
    public void serverLogLineIsMatchedByItsRequest() {
        var accepted = accepting(Map.of("accept.1.kind", "Server log", "accept.1.url", "*/legacy/report*", "accept.1.reason", "a known 500"));
        var known = new Finding(FindingKind.SERVER_LOG, "http://staging.example/_log", "",
                "127.0.0.1 - - [02/Dec/2026:10:00:00 +0000] \"GET /legacy/report?year=2019 HTTP/1.1\" 500 312");
        var other = new Finding(FindingKind.SERVER_LOG, "http://staging.example/_log", "",
                "127.0.0.1 - - [02/Dec/2026:10:00:00 +0000] \"GET /press HTTP/1.1\" 401 312");

        assertEquals(accepted.sort(List.of(known, other), ServerLogWatch.KINDS).failing(), List.of(other));
    }

    @Test(description = "a regression about an accepted finding is accepted with it; one about another page is not")
    public void regressionOfAnAcceptedFindingIsAccepted() {
        var accepted = accepting(Map.of("accept.1.kind", "Broken link", "accept.1.url", "/docs/release-notes-*", "accept.1.reason", "removed on purpose"));
        var before = new Baseline(Map.of(
                "visitor /docs/release-notes-2019", entry("visitor /docs/release-notes-2019", 200, 0),
                "visitor /docs/faq", entry("visitor /docs/faq", 200, 0)));
        var now = new Baseline(Map.of(
                "visitor /docs/release-notes-2019", entry("visitor /docs/release-notes-2019", 404, 1),
                "visitor /docs/faq", entry("visitor /docs/faq", 404, 0)));
        var regressions = BaselineComparison.compare(before, now).regressions();
        assertEquals(regressions.size(), 3, "two pages broke, one has new console errors: " + regressions);
        var broken = new Finding(FindingKind.BROKEN_LINK, TargetSite.resolve("/docs/release-notes-2019"), "", "document answered 404");
        var findings = new java.util.ArrayList<Finding>(regressions);
        findings.add(broken);

        var failing = accepted.sort(findings, CrawlVerdicts.KINDS).failing().stream().map(Finding::line).toList();

        assertEquals(failing.size(), 2, "the faq's regression and the new console errors (no Console error is accepted) still fail: " + failing);
        assertTrue(failing.stream().anyMatch(line -> line.contains("/docs/faq") && line.contains("worked (200) and now answers 404")), failing.toString());
        assertTrue(failing.stream().anyMatch(line -> line.contains("/docs/release-notes-2019") && line.contains("new console errors")), failing.toString());
    }

    @Test(description = "a line that matched nothing is reported once, only when a check looked for its kind everywhere")
    public void unmatchedLineIsReportedOnlyWhenLookedFor() {
        var profile = Map.of("accept.1.kind", "Broken link", "accept.1.url", "*/legacy/*", "accept.1.reason", "kept",
                "accept.2.kind", "Server log", "accept.2.url", "*/legacy/*", "accept.2.reason", "kept");
        var guardOnly = accepting(profile);
        guardOnly.sort(List.of(), List.of());
        assertEquals(guardOnly.unmatched(), List.of(), "the per-test guard sees too little to say a problem is gone");

        var crawled = accepting(profile);
        crawled.sort(List.of(), CrawlVerdicts.KINDS);
        assertEquals(crawled.unmatched(), List.of("accept.1 (Broken link */legacy/*) matched nothing this run: fixed? remove the accept line"),
                "the crawl looked for broken links, the log check did not run");

        var matched = accepting(profile);
        matched.sort(List.of(new Finding(FindingKind.BROKEN_LINK, OLD, "", "document answered 404")), CrawlVerdicts.KINDS);
        matched.sort(List.of(), ServerLogWatch.KINDS);
        assertEquals(matched.unmatched(), List.of("accept.2 (Server log */legacy/*) matched nothing this run: fixed? remove the accept line"));
    }

    @Test(description = "an unknown kind is refused with one line naming key and file and listing the kinds")
    public void unknownKindIsRefused() {
        var error = expectThrows(ConfigException.class, () -> accepting(Map.of("accept.1.kind", "Brokn link", "accept.1.url", "*/legacy/*",
                "accept.1.reason", "kept")));
        assertEquals(error.getMessage(), FILE + ": key accept.1.kind = 'Brokn link' is no finding kind that can be accepted: use one of"
                + " Unexpected 401, Unexpected 403, Broken link, Server error, Console error, Slow page, Slow request, Redirect loop,"
                + " Redirect without Location, Broken page, Dialog, Page hung, Page crashed the tab, Possible crawl trap, Rate limited, Server log");
        assertThrows(() -> accepting(Map.of("accept.1.kind", "Regression", "accept.1.url", "*/legacy/*", "accept.1.reason", "kept")),
                "key accept.1.kind = 'Regression' is no finding kind");
    }

    @Test(description = "a missing reason, a missing URL and a bad glob are refused with one line naming the key")
    public void badLinesAreRefused() {
        assertThrows(() -> profile(Map.of("accept.1.kind", "Broken link", "accept.1.url", "*/legacy/*")),
                FILE + ": key accept.1.reason is missing (why the site's owner keeps it");
        assertThrows(() -> profile(Map.of("accept.1.kind", "Broken link", "accept.1.reason", "kept")),
                FILE + ": key accept.1.url is missing");
        assertThrows(() -> profile(Map.of("accept.1.kind", "Broken link", "accept.1.url", "/legacy/[0-9]*", "accept.1.reason", "kept")),
                FILE + ": key accept.1.url pattern '/legacy/[0-9]*' uses '['");
        assertThrows(() -> profile(Map.of("accept.1.kind", "Broken link", "accept.1.url", "legacy/*", "accept.1.reason", "kept")),
                FILE + ": key accept.1.url pattern 'legacy/*' can never match: a pattern matches the whole URL, so write *legacy/** or begin it with / (a path of the site) or http(s)://");
        assertThrows(() -> profile(Map.of("accept.1.kind", "Broken link", "accept.1.url", "*/legacy/*", "accept.1.reason", "kept",
                "accept.1.ruason", "typo")), "unknown key accept.1.ruason");
    }

    @Test(description = "the demo profile accepts the 2019 changelog's one broken link, with its reason")
    public void demoProfileAcceptsTheChangelogLink() throws IOException {
        var demo = new Properties();
        try (Reader in = Files.newBufferedReader(ProjectFiles.demoProfile(), StandardCharsets.UTF_8)) {
            demo.load(in);
        }
        var lines = AcceptedFindings.of(SiteProfile.from(new ProfileReader(demo, "demo"))).lines();
        assertEquals(lines.size(), 1, lines.toString());
        assertEquals(lines.get(0).kind(), FindingKind.BROKEN_LINK);
        assertEquals(lines.get(0).glob(), "/docs/release-notes-*");
        assertFalse(lines.get(0).reason().isBlank());
    }

    private static Baseline.Entry entry(String path, int status, int consoleErrors) {
        return new Baseline.Entry(path, status, consoleErrors, 0, "", List.of());
    }

    private static void assertThrows(Runnable reading, String expectedStart) {
        var error = expectThrows(ConfigException.class, reading::run);
        assertTrue(error.getMessage().contains(expectedStart) && !error.getMessage().contains("\n"),
                "expected one line containing '" + expectedStart + "', got: " + error.getMessage());
    }

    private static AcceptedFindings accepting(Map<String, String> keys) {
        return AcceptedFindings.of(profile(keys));
    }

    private static SiteProfile profile(Map<String, String> keys) {
        var properties = new Properties();
        properties.setProperty("nav.links", "nav a");
        properties.putAll(keys);
        return SiteProfile.from(new ProfileReader(properties, FILE));
    }
}
