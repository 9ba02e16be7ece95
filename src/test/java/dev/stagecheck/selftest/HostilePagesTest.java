package dev.stagecheck.selftest;

import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.crawl.CrawlResult;
import dev.stagecheck.crawl.Crawler;
import dev.stagecheck.crawl.PageRecord;
import dev.stagecheck.demo.HostileHangs;
import dev.stagecheck.demo.HostilePages;
import dev.stagecheck.verdict.Finding;
import dev.stagecheck.verdict.FindingKind;
import org.openqa.selenium.By;
import org.testng.ITestResult;
import org.testng.annotations.Test;
import org.testng.xml.internal.Parser;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The demo's hostile section ({@link HostilePages}: dialogs on load, a beforeunload question, a
 * pop-up on load, a target=_blank link, a background request answered 401): each case gets its
 * finding (kind, URL, text), none costs a page timeout or ends in a raw WebDriver error, the test's
 * own tab stays the only one, and the calm page after each case is crawled as any other.
 */
public class HostilePagesTest extends HostileSectionTest {
    /** Words of a WebDriver or DevTools error that must never reach a result: a dialog left open, a raw exception. */
    private static final List<String> RAW_ERRORS = List.of("UnhandledAlert", "unexpected alert", "alert open", "WebDriverException",
            "Exception:", "Not attached", "did not load within", "timed out", "internal error");

    @Test(description = "the crawl reports each hostile page with its own finding and crawls the page after it normally")
    public void crawlReportsEveryCase() {
        var profile = Settings.current().profile();
        var session = BrowserSessions.current();
        session.resetForNextTest();
        // The hangs and traps cost time of their own and are proven in HangsAndTrapsTest: not crawled here.
        var crawl = new Crawler(session, profile, link -> TargetSite.isSameOrigin(link) && !HostileHangs.covers(link), 1)
                .crawl("hostile", List.of(url(HostilePages.INDEX)));
        var findings = findings(profile, crawl);
        var lines = findings.stream().map(Finding::line).toList();
        var said = said(findings, crawl);

        assertFinding(findings, FindingKind.DIALOG, HostilePages.INDEX, HostilePages.INDEX_ALERT, said);
        assertFinding(findings, FindingKind.DIALOG, "/hostile/alert", "alert(", said);
        assertFinding(findings, FindingKind.DIALOG, "/hostile/alert", HostilePages.ALERT_TEXT, said);
        assertFinding(findings, FindingKind.DIALOG, "/hostile/confirm", "confirm(", said);
        assertFinding(findings, FindingKind.DIALOG, "/hostile/confirm", HostilePages.CONFIRM_TEXT, said);
        assertFinding(findings, FindingKind.DIALOG, "/hostile/prompt", HostilePages.PROMPT_TEXT, said);
        // The pop-up never opened (the popup blocker), but its address was checked like a link of the page.
        assertTrue(findings.stream().anyMatch(f -> f.kind() == FindingKind.BROKEN_LINK && f.url().equals(url(HostilePages.POPUP_TARGET))
                && f.from().equals(url("/hostile/popup"))), "the pop-up's address " + HostilePages.POPUP_TARGET
                + " should be a Broken link from /hostile/popup" + said);
        // Charged to the page that made the request, with its challenge.
        assertTrue(findings.stream().anyMatch(f -> f.kind() == FindingKind.UNEXPECTED_401 && f.url().equals(url(HostilePages.XHR_401_TARGET))
                && f.from().equals(url("/hostile/xhr-401")) && f.evidence().contains("Bearer")),
                "the background request's 401 should be an Unexpected 401 of /hostile/xhr-401" + said);

        assertTrue(findings.stream().anyMatch(f -> f.kind() == FindingKind.UNEXPECTED_401 && f.url().equals(url(HostilePages.FRAME_401_TARGET))
                && f.from().equals(url("/hostile/iframe-401")) && f.evidence().contains("Basic realm=\"Hostile frame\"")),
                "the iframe's 401 should be an Unexpected 401 of /hostile/iframe-401, with its challenge" + said);

        var expected = List.<Predicate<Finding>>of(
                f -> f.kind() == FindingKind.DIALOG,
                f -> f.kind() == FindingKind.BROKEN_LINK && f.url().equals(url(HostilePages.POPUP_TARGET)),
                f -> f.kind() == FindingKind.UNEXPECTED_401 && f.url().equals(url(HostilePages.XHR_401_TARGET)),
                f -> f.kind() == FindingKind.UNEXPECTED_401 && f.url().equals(url(HostilePages.FRAME_401_TARGET)),
                // The wire cases, each proven in HostileResponsesTest.
                f -> HostileResponsesTest.EXPECTED.entrySet().stream().anyMatch(e -> f.url().equals(url(e.getKey())) && f.kind() == e.getValue()),
                HostileContentTest.EXPECTED);
        var others = findings.stream().filter(f -> expected.stream().noneMatch(p -> p.test(f))).map(Finding::line).toList();
        assertTrue(others.isEmpty(), "nothing but the hostile cases' own findings (no slow page, no timeout, no broken page): " + others + said);
        assertTrue(crawl.stoppedEarly().isEmpty(), "the crawl ran to its end: " + crawl.stoppedEarly() + said);

        for (var hostile : HostilePages.all()) {
            var after = page(crawl, hostile.afterPath());
            assertTrue(after.isPresent() && after.get().status() == 200 && after.get().error().isEmpty() && after.get().dialogs().isEmpty(),
                    "the calm page after " + hostile.path() + " should be crawled normally (200, no error): " + after + said);
        }
        var blankTarget = page(crawl, HostilePages.BLANK_TARGET);
        assertTrue(blankTarget.isPresent() && blankTarget.get().status() == 200, "the target=_blank link is crawled like any link" + said);
        assertEquals(session.driver().getWindowHandles().size(), 1, "the test's own tab is the only window after the crawl");
        assertNoRawErrors(lines);
    }

    @Test(description = "a beforeunload question does not block leaving the page, and is recorded")
    public void beforeUnloadDoesNotBlockNavigation() {
        var session = BrowserSessions.current();
        session.resetForNextTest();
        var page = session.navigateTo(url("/hostile/beforeunload"));
        assertTrue(page.isPresent() && page.get().status() == 200, "the beforeunload page loads: " + page);
        // Browsers ask "Leave site?" only of a visitor who interacted with the page.
        session.driver().findElement(By.id("touch")).click();
        var after = session.navigateTo(url("/hostile/after-beforeunload"));
        assertTrue(after.isPresent() && after.get().status() == 200, "leaving the page works: " + after);
        assertEquals(session.driver().getCurrentUrl(), url("/hostile/after-beforeunload"), "the browser left the page");
        assertTrue(session.traffic().dialogs().stream().anyMatch(d -> d.beforeUnload() && d.page().equals(url("/hostile/beforeunload"))),
                "the beforeunload question is recorded: " + session.traffic().dialogs());
    }

    @Test(description = "a tab a clicked target=_blank link opens is closed again; the test's own tab keeps control")
    public void newTabIsClosedAndOwnTabKeepsControl() {
        var session = BrowserSessions.current();
        session.resetForNextTest();
        session.navigateTo(url("/hostile/blank-target"));
        var own = session.driver().getWindowHandle();
        session.driver().findElement(By.id("blank-target-link")).click();
        assertTrue(session.traffic().popups().stream().anyMatch(p -> p.url().equals(url(HostilePages.BLANK_TARGET)) && p.userGesture()),
                "the new tab's address is recorded: " + session.traffic().popups());
        session.closePopups();
        assertEquals(session.driver().getWindowHandles().size(), 1, "only the test's own tab is left");
        assertEquals(session.driver().getWindowHandle(), own, "WebDriver still acts on the test's own tab");
        var next = session.navigateTo(url("/hostile/after-blank-target"));
        assertTrue(next.isPresent() && next.get().status() == 200, "the own tab goes on normally: " + next);
    }

    @Test(description = "the whole checklist with the hostile section on: dialogs and pop-ups reported, no test ends in a raw error")
    public void checklistSurvivesTheHostileSection() throws IOException {
        BrowserSessions.quitAll();
        var out = ScratchFolders.target().resolve("selftest-hostile");
        var results = InProcessRun.of(new Parser(ProjectFiles.projectDir().resolve("suites/checklist.xml").toString()).parseToList(),
                out, "hostile-checklist");
        var messages = new ArrayList<String>();
        for (var result : results) {
            if (result.getStatus() != ITestResult.SUCCESS) {
                messages.add(result.getName() + ": " + InProcessRun.message(result));
            }
        }
        var said = " (log in " + out + "):\n" + String.join("\n", messages);
        var crawl = results.stream().filter(r -> r.getName().equals("everyReachablePageIsHealthy")).findFirst().orElseThrow();
        assertEquals(crawl.getStatus(), ITestResult.FAILURE, "the crawl fails on the hostile section" + said);
        var crawlLines = InProcessRun.message(crawl);
        for (var path : List.of(HostilePages.INDEX, "/hostile/alert", "/hostile/confirm", "/hostile/prompt")) {
            assertTrue(crawlLines.lines().anyMatch(line -> line.startsWith(FindingKind.DIALOG.label() + ": " + url(path) + " ")),
                    "the crawl names the dialog of " + path + said);
        }
        // Tests that meet the hostile index through the menu: its alert is answered, nothing else happens.
        for (var result : results) {
            var name = result.getMethod().getRealClass().getSimpleName();
            if (name.equals("NavigationTest") || name.equals("DeviceLayoutTest") || name.equals("LoginTest")) {
                assertEquals(result.getStatus(), ITestResult.SUCCESS, name + "." + result.getName() + " passes" + said);
            }
        }
        assertNoRawErrors(messages);
    }

    private static void assertFinding(List<Finding> findings, FindingKind kind, String path, String text, String said) {
        assertTrue(findings.stream().anyMatch(f -> f.kind() == kind && f.url().equals(url(path)) && f.evidence().contains(text)),
                "expected a " + kind + " finding on " + path + " saying '" + text + "'" + said);
    }

    private static void assertNoRawErrors(List<String> lines) {
        for (var line : lines) {
            for (var raw : RAW_ERRORS) {
                assertFalse(line.contains(raw), "a raw error ('" + raw + "') reached a result: " + line);
            }
        }
    }

    private static Optional<PageRecord> page(CrawlResult crawl, String path) {
        return crawl.pages().stream().filter(p -> p.url().equals(url(path))).findFirst();
    }
}
