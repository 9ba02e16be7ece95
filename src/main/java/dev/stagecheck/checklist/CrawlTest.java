package dev.stagecheck.checklist;

import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.crawl.CrawlResult;
import dev.stagecheck.crawl.Crawler;
import dev.stagecheck.crawl.PageRecord;
import dev.stagecheck.pages.LoginPage;
import dev.stagecheck.verdict.Baseline;
import dev.stagecheck.verdict.BaselineComparison;
import dev.stagecheck.verdict.CrawlVerdicts;
import dev.stagecheck.verdict.ResponseRule;
import dev.stagecheck.verdict.Finding;
import dev.stagecheck.verdict.FindingKind;
import dev.stagecheck.verdict.Findings;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.annotations.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every page reachable by links, not only the menu: the crawl visits each once (as a visitor, and
 * again logged in), and every problem becomes a finding. Against a recorded baseline, anything
 * that got worse is a regression.
 */
@Feature("Crawl")
public class CrawlTest extends ChecklistTest {
    private static final Logger log = LoggerFactory.getLogger(CrawlTest.class);

    @Test(description = "Every page reachable by links loads without unexpected 401/403, broken links, server or console errors, "
            + "slow pages or redirect loops, and nothing regressed against the baseline")
    @Story("Crawl the whole site")
    public void everyReachablePageIsHealthy() {
        var visitorCrawler = new Crawler(session, profile, TargetSite::isSameOrigin, session.settings().crawlWorkers());
        var crawls = new ArrayList<CrawlResult>();
        var findings = new Findings();
        var startUrls = profile.startUrls().stream().map(ChecklistTest::url).toList();
        crawls.add(Allure.step("Crawl as a visitor", () -> visitorCrawler.crawl("visitor", startUrls)));
        if (profile.crawl().asMember() && crawls.get(0).browserDied().isEmpty()) {
            if (!session.isAlive()) {
                // A page of the visitor crawl crashed the tab (reported): the member crawl gets a fresh browser.
                session = BrowserSessions.current(session.settings());
            }
            var crawler = session == visitorCrawler.session() ? visitorCrawler
                    : new Crawler(session, profile, TargetSite::isSameOrigin, session.settings().crawlWorkers());
            var login = profile.login().orElseThrow();
            var page = new LoginPage(session, login);
            page.open();
            page.loginAs(login.username(), login.password());
            if (page.showsLoggedIn()) {
                var memberStart = Stream.concat(Stream.of(url(login.memberUrl())), startUrls.stream()).toList();
                // A page that hung or held the visitor crawl for a page timeout is reported once, not paid for twice.
                var reported = crawls.get(0).pages().stream().filter(PageRecord::costATimeout).map(PageRecord::url)
                        .collect(java.util.stream.Collectors.toSet());
                crawls.add(Allure.step("Crawl as a member", () -> crawler.crawl("member", memberStart, reported)));
            } else {
                findings.add(new Finding(FindingKind.BROKEN_PAGE, url(login.url()), "", "could not log in for the member crawl"));
            }
        }
        var verdicts = new CrawlVerdicts(ResponseRule.of(profile), profile.crawl().pageBudget());
        for (var crawl : crawls) {
            Allure.addAttachment("Crawl: " + crawl.label() + " (" + crawl.pages().size() + " pages)", "text/plain", crawl.table(), ".txt");
            if (crawl.refused().size() > 0) {
                Allure.addAttachment("Not visited for safety: " + crawl.label() + " (" + crawl.refused().size() + " links)", "text/plain",
                        crawl.refused().table(), ".txt");
            }
            findings.addAll(verdicts.findings(crawl));
        }
        var died = crawls.stream().map(CrawlResult::browserDied).flatMap(java.util.Optional::stream).findFirst();
        // A crawl cut short by a dead browser misses pages it never reached: no baseline is compared or recorded from it.
        findings.addAll(died.isPresent() ? List.of() : compareWithBaseline(crawls));
        // A crawl cut short by a limit may not have reached an accepted problem: then its absence proves nothing.
        var lookedEverywhere = crawls.stream().allMatch(crawl -> crawl.stoppedEarly().isEmpty());
        findings = Accepting.sort(profile, findings, lookedEverywhere ? CrawlVerdicts.KINDS : List.of());
        Allure.addAttachment("Findings", "text/plain", findings.isEmpty() ? "(none)\n" : findings.table(), ".txt");
        if (died.isPresent()) {
            // The findings so far are real, the stop is the machine's: both said, the stop first.
            log.info(findings.isEmpty() ? "the crawl found nothing before it stopped" : "the crawl found " + findings.summary()
                    + " before it stopped:\n" + findings.table().stripTrailing());
            throw stopped("The crawl stopped: " + died.get() + " (killed, crashed or out of memory); the next tests get a fresh browser"
                    + (findings.isEmpty() ? "; nothing was found before" : "; before that it found " + findings.summary() + ":\n"
                    + String.join("\n", findings.failure("The crawl").lines())));
        }
        if (!findings.isEmpty()) {
            // The console's one copy of the findings; the failure message only counts them.
            log.info("the crawl found " + findings.summary() + ":\n" + findings.table().stripTrailing());
            throw findings.failure("The crawl");
        }
    }

    private static AssertionError stopped(String message) {
        var error = new AssertionError(message);
        error.setStackTrace(new StackTraceElement[0]);
        return error;
    }

    /** Records the baseline (baseline.update=true) or compares with the one recorded; returns the regressions. */
    private List<Finding> compareWithBaseline(List<CrawlResult> crawls) {
        // One baseline per browser: this test block's browser, which a cross-browser suite sets.
        var settings = session.settings();
        var file = Baseline.file(settings.reportsDir(), settings.site(), settings.browser().key());
        var now = Baseline.of(crawls, TargetSite.baseUrl());
        try {
            if (settings.baselineUpdate()) {
                now.write(file);
                log.info("baseline recorded in " + file + " (" + now.pages().size() + " pages)");
                Allure.addAttachment("Baseline recorded", "text/tab-separated-values", String.join("\n", java.nio.file.Files.readAllLines(file)), ".tsv");
                return List.of();
            }
            var before = Baseline.read(file);
            if (before.isEmpty()) {
                return List.of();
            }
            var comparison = BaselineComparison.compare(before.get(), now);
            // Its regressions are findings, in the table printed at the end: here only the counts.
            log.info(comparison.headline());
            Allure.addAttachment("Comparison with the baseline " + file.getFileName(), "text/plain", comparison.report(), ".txt");
            return comparison.regressions();
        } catch (IOException e) {
            throw new ConfigException("baseline " + file + " cannot be used (" + e.getMessage()
                    + "): fix or delete it, or record a new one with -Dbaseline.update=true");
        }
    }
}
