package dev.stagecheck.selftest;

import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.crawl.CrawlResult;
import dev.stagecheck.crawl.Crawler;
import dev.stagecheck.crawl.PageRecord;
import dev.stagecheck.demo.DemoSite;
import dev.stagecheck.demo.DemoSiteProvider;
import dev.stagecheck.demo.Fault;
import dev.stagecheck.pages.LoginPage;
import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.traffic.Traffic;
import dev.stagecheck.url.FileLinks;
import dev.stagecheck.verdict.CrawlVerdicts;
import dev.stagecheck.verdict.Finding;
import dev.stagecheck.verdict.FindingKind;
import dev.stagecheck.verdict.ResponseRule;
import org.testng.SkipException;
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * Every answer is read for what it is: a file link (an attachment, a PDF, a link with the
 * {@code download} attribute, an address that redirects to a download) is recorded with its real
 * status and judged like any page, never as a page that gave no answer; a 3xx without a
 * {@code Location} is a finding of its own. Against the demo's downloads page, healthy and with
 * its two faults, in the run's browser.
 */
public class FileLinksTest {
    private static final List<String> FILES = List.of("/downloads/widget-1.4.zip", "/downloads/widget-datasheet.pdf",
            "/downloads/latest", "/downloads/checksums");
    private static final String DOWNLOADS_PAGE = "/docs/downloads";

    private final ResponseRule rule = ResponseRule.expecting(List.of(), List.of());

    @AfterClass(alwaysRun = true)
    public void quitBrowsers() {
        BrowserSessions.quitAll();
    }

    // ---- the rule, without a browser ----

    @Test(description = "a 3xx without a usable Location is its own finding, naming the URL and the status")
    public void aRedirectWithoutLocationIsItsOwnFinding() {
        assertEquals(Exchange.redirectNote(301, List.of()), Optional.of(Exchange.NO_LOCATION));
        assertEquals(Exchange.redirectNote(302, List.of(" ")), Optional.of(Exchange.NO_LOCATION), "a blank Location names nowhere");
        assertEquals(Exchange.redirectNote(301, List.of("/new")), Optional.empty());
        assertEquals(Exchange.redirectNote(301, List.of("http://[not-a-host")), Optional.of(Exchange.NO_LOCATION), "no URL at all");
        assertEquals(Exchange.redirectNote(302, List.of("/new page/\u00fcber")), Optional.empty(), "browsers escape spaces and non-ASCII themselves");
        assertEquals(Exchange.redirectNote(304, List.of()), Optional.empty(), "304 is the cache's answer, not a redirect");
        assertEquals(Exchange.redirectNote(200, List.of()), Optional.empty());

        var finding = rule.page("http://h/old", "http://h/", 301, Optional.of(Exchange.NO_LOCATION), List.of()).orElseThrow();
        assertEquals(finding.kind(), FindingKind.REDIRECT_WITHOUT_LOCATION);
        assertEquals(finding.url(), "http://h/old");
        assertTrue(finding.evidence().contains("answered 301 without a usable Location header"), finding.evidence());
        var refused = rule.page("http://h/bad", "", 301, Optional.of("net::ERR_INVALID_REDIRECT"), List.of()).orElseThrow();
        assertEquals(refused.kind(), FindingKind.REDIRECT_WITHOUT_LOCATION, "a Location the browser would not follow");
        assertTrue(refused.evidence().contains("net::ERR_INVALID_REDIRECT"), refused.evidence());
        assertEquals(rule.page("http://h/moved", "", 302, Optional.empty(), List.of()), Optional.empty(), "a redirect on the way is no finding");
        var resource = rule.resource(new Exchange("GET", "http://h/app.js", 301, "Script", false, "http://h/", List.of(),
                Optional.of(Exchange.NO_LOCATION)), "http://h/").orElseThrow();
        assertEquals(resource.kind(), FindingKind.REDIRECT_WITHOUT_LOCATION, "a sub-resource too");
    }

    @Test(description = "the page a navigation ends on is a 3xx without Location at once, not 'no response seen' after the page timeout")
    public void aPageEndingOnARedirectWithoutLocationIsItsAnswer() {
        var traffic = new Traffic();
        traffic.record(new Exchange("GET", "http://h/old", 301, "Document", true, "", List.of(), Optional.of(Exchange.NO_LOCATION)));
        var started = System.nanoTime();
        var page = traffic.awaitPageSince(0, Duration.ofSeconds(30)).orElseThrow();
        assertTrue((System.nanoTime() - started) / 1_000_000 < 1_000, "no wait for a page that never comes");
        assertEquals(page.status(), 301);
        assertFalse(page.isRedirect(), "where the load ended, not a step on the way");
    }

    @Test(description = "a file link is judged by its status: 200 is fine, 404 a broken link, never 'no answer'")
    public void aFileLinkIsJudgedByItsStatus() {
        assertEquals(rule.page("http://h/a.zip", "http://h/", 200, Optional.of(Exchange.FILE), List.of()), Optional.empty());
        var broken = rule.page("http://h/a.zip", "http://h/", 404, Optional.of(Exchange.FILE), List.of()).orElseThrow();
        assertEquals(broken.kind(), FindingKind.BROKEN_LINK);
        assertEquals(broken.evidence(), "file link answered 404");
        assertEquals(rule.page("http://h/a.zip", "", 500, Optional.of(Exchange.FILE), List.of()).orElseThrow().kind(), FindingKind.SERVER_ERROR);
    }

    @Test(description = "file links are known by the file's name: archives, documents, data, media; not pages, not a query")
    public void fileLinksAreKnownByName() {
        for (var url : List.of("http://h/a.zip", "http://h/docs/Guide.PDF", "http://h/x/report.csv?v=2", "http://h/setup.exe#top")) {
            assertTrue(FileLinks.byName(url), url);
        }
        for (var url : List.of("http://h/", "http://h/docs/install", "http://h/page.html", "http://h/get?file=a.pdf", "http://h/.zip",
                "http://h/v1.4/", "mailto:a@b.c")) {
            assertFalse(FileLinks.byName(url), url);
        }
    }

    // ---- the crawl, in the browser, against the demo ----

    @Test(description = "the demo's healthy file links are recorded with status 200 and give no finding, quickly and without saving a file")
    public void healthyFileLinksAreFine() throws IOException {
        var demo = demo();
        demo.faults(Set.of());
        var downloadsFolder = Path.of(System.getProperty("user.home"), "Downloads");
        var before = filesIn(downloadsFolder);
        var crawl = crawlDownloads();
        var statuses = statuses(crawl);
        for (var file : FILES) {
            assertEquals(statuses.get(TargetSite.resolve(file)), Integer.valueOf(200), file + " in the crawl: " + statuses + "\n" + crawl.table());
        }
        assertEquals(findings(crawl), List.of(), "no finding for healthy file links:\n" + crawl.table());
        for (var file : FILES) {
            var page = record(crawl, file);
            assertTrue(page.title().isEmpty(), file + " has no title of its own (not the page before's): " + page.title());
            assertTrue(page.millis() < Settings.current().pageTimeout().toMillis() / 2,
                    file + " took " + page.millis() + " ms: nothing waited for a page that never comes");
        }
        assertTrue(crawl.table().lines().anyMatch(line -> line.startsWith("200") && line.contains(TargetSite.resolve("/downloads/latest"))),
                "the crawl table lists the file links with their status:\n" + crawl.table());
        assertEquals(filesIn(downloadsFolder), before, "the browser saved nothing into " + downloadsFolder);
    }

    @Test(description = "a download link that answers 404 is a broken link")
    public void aMissingDownloadIsABrokenLink() {
        var findings = findingsWith(Fault.BROKEN_DOWNLOAD);
        assertTrue(findings.stream().anyMatch(f -> f.kind() == FindingKind.BROKEN_LINK && f.url().equals(TargetSite.resolve(FILES.get(0)))
                && f.evidence().contains("404")), "expected a Broken link for " + FILES.get(0) + ", got " + findings);
        assertTrue(findings.stream().noneMatch(f -> f.evidence().contains("no answer")), "nothing is 'no answer': " + findings);
    }

    @Test(description = "a 301 without Location is reported as 'Redirect without Location', naming the URL and status")
    public void aRedirectWithoutLocationIsReported() {
        var findings = findingsWith(Fault.REDIRECT_WITHOUT_LOCATION);
        assertTrue(findings.stream().anyMatch(f -> f.kind() == FindingKind.REDIRECT_WITHOUT_LOCATION
                && f.url().equals(TargetSite.resolve("/downloads/latest")) && f.evidence().contains("301")),
                "expected Redirect without Location for /downloads/latest, got " + findings);
        assertTrue(findings.stream().noneMatch(f -> f.evidence().contains("no answer")), "nothing is 'no answer': " + findings);
    }

    @Test(description = "a file link is checked with the cookies the browser would send it (a member's download stays a member's)")
    public void fileLinksAreCheckedWithTheBrowsersCookies() {
        demo();
        var profile = Settings.current().profile();
        var session = BrowserSessions.current();
        session.resetForNextTest();
        assertEquals(session.cookieHeader(TargetSite.resolve(FILES.get(0))), "", "a first visit has no cookies");
        var login = profile.login().orElseThrow();
        var page = new LoginPage(session, login);
        page.open();
        page.loginAs(login.username(), login.password());
        assertTrue(page.showsLoggedIn(), "the demo login should work");
        // Only whether the session cookie is there: its value is a secret and stays out of every message.
        assertTrue(session.cookieHeader(TargetSite.resolve(FILES.get(0))).contains("demo_session="),
                "the member's session cookie goes with the file link's request");
        session.resetForNextTest();
    }

    @Test(description = "in the browser, a redirect it cannot follow is named at once: no Location, a Location it refuses, a loop")
    public void redirectsTheBrowserCannotFollowAreNamed() throws IOException {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            var body = "<!doctype html><title>moved</title><p>Moved.</p>".getBytes(StandardCharsets.UTF_8);
            switch (exchange.getRequestURI().getPath()) {
                case "/refused" -> exchange.getResponseHeaders().add("Location", "http://[not-a-host");
                case "/loop" -> exchange.getResponseHeaders().add("Location", "/loop");
                default -> { } // "/none": no Location at all.
            }
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.getResponseHeaders().add("Cache-Control", "no-store");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/loop") ? 302 : 301, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            var session = BrowserSessions.current();
            session.resetForNextTest();
            var base = "http://127.0.0.1:" + server.getAddress().getPort();
            var expected = Map.of("/none", FindingKind.REDIRECT_WITHOUT_LOCATION, "/refused", FindingKind.REDIRECT_WITHOUT_LOCATION,
                    "/loop", FindingKind.REDIRECT_LOOP);
            // Browsers without DevTools see a loop only as hops that never end: the loop is judged where the browser reports it.
            for (var path : session.hasDevTools() ? List.of("/none", "/refused", "/loop") : List.of("/none", "/refused")) {
                var started = System.nanoTime();
                var answer = session.navigateTo(base + path).orElseThrow(() -> new AssertionError(path + ": no answer recorded"));
                var millis = (System.nanoTime() - started) / 1_000_000;
                var finding = rule.page(base + path, "", answer.status(), answer.error(), answer.challenges());
                assertEquals(finding.map(Finding::kind).orElse(null), expected.get(path), path + ": " + answer.describe() + " gave " + finding);
                assertTrue(millis < Settings.current().pageTimeout().toMillis() / 2, path + " took " + millis + " ms");
            }
            session.resetForNextTest();
        } finally {
            server.stop(0);
        }
    }

    private List<Finding> findingsWith(Fault fault) {
        var demo = demo();
        demo.faults(Set.of(fault));
        try {
            return findings(crawlDownloads());
        } finally {
            demo.faults(Set.of());
        }
    }

    private static DemoSite demo() {
        TargetSite.baseUrl();
        return DemoSiteProvider.running().orElseThrow(() -> new SkipException("needs the built-in demo site (no -Dbase.url)"));
    }

    /** The downloads page and what it links to under /downloads/; the rest of the site is not crawled here. */
    private static CrawlResult crawlDownloads() {
        var session = BrowserSessions.current();
        session.resetForNextTest();
        var page = TargetSite.resolve(DOWNLOADS_PAGE);
        var files = TargetSite.resolve("/downloads/");
        return new Crawler(session, Settings.current().profile(), url -> url.equals(page) || url.startsWith(files))
                .crawl("downloads", List.of(page));
    }

    private List<Finding> findings(CrawlResult crawl) {
        var verdicts = new CrawlVerdicts(ResponseRule.of(Settings.current().profile()), Duration.ofMinutes(1));
        var files = TargetSite.resolve("/downloads/");
        return verdicts.findings(new CrawlResult(crawl.label(), crawl.pages(), List.of(), crawl.stoppedEarly(), crawl.millis(),
                crawl.refused(), crawl.probeRequests())).stream().filter(f -> f.url().startsWith(files) || f.url().endsWith(DOWNLOADS_PAGE)).toList();
    }

    private static PageRecord record(CrawlResult crawl, String path) {
        return crawl.pages().stream().filter(p -> p.url().equals(TargetSite.resolve(path))).findFirst()
                .orElseThrow(() -> new AssertionError(path + " was not crawled:\n" + crawl.table()));
    }

    private static Map<String, Integer> statuses(CrawlResult crawl) {
        return crawl.pages().stream().collect(Collectors.toMap(PageRecord::url, PageRecord::status, (a, b) -> a, TreeMap::new));
    }

    private static Set<String> filesIn(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(Path::toString).collect(Collectors.toSet());
        }
    }
}
