package dev.stagecheck.checklist;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.browser.BrowserUnavailableException;
import dev.stagecheck.report.ChecklistArea;
import dev.stagecheck.report.RunSettings;
import org.testng.ITestContext;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.pages.PageVisit;
import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.verdict.ResponseRule;
import io.qameta.allure.Epic;
import org.testng.SkipException;
import org.testng.annotations.BeforeMethod;

import java.util.List;
import java.util.Optional;

/**
 * What every checklist area shares: this worker's browser, reset to a first visit before each test,
 * and the site profile. A 401 the test did not declare, or a 5xx, fails it anyway (ChecklistListener).
 * Extend it for checks of your own (README, "Adding your own checks").
 */
@Epic("401 fix verification checklist")
@ChecklistArea
public abstract class ChecklistTest {
    protected BrowserSession session;
    protected SiteProfile profile;

    @BeforeMethod(alwaysRun = true)
    public void startFromAFirstVisit(ITestContext context) {
        profile = Settings.current().profile();
        TargetSite.baseUrl();
        try {
            session = BrowserSessions.current(RunSettings.of(context));
        } catch (BrowserUnavailableException e) {
            // A browser this machine (or Grid) cannot run is skipped with its reason, never passed.
            throw new SkipException(e.getMessage());
        }
        session.resetForNextTest();
    }

    protected static String url(String pathOrUrl) {
        return TargetSite.resolve(pathOrUrl);
    }

    /** An area the profile does not describe is skipped, saying which key would switch it on. */
    protected <T> T described(Optional<T> area, String key) {
        return area.orElseThrow(() -> new SkipException("the site profile " + profile.file()
                + " describes no such thing: set " + key + " to check it"));
    }

    /** A {@code custom.<name>} value of the profile for a check of your own (-Dcustom.name=... overrides it); missing, the run stops with one line. */
    protected String custom(String name) {
        return profile.custom().required(name);
    }

    /** The one rule of which answer is a problem, with the profile's expected 401s and 403s and this test's own. */
    protected ResponseRule responseRule() {
        return ResponseRule.of(profile).with401s(session.traffic().expectedUnauthorized());
    }

    /** A page loaded when the {@link ResponseRule} finds nothing wrong with its document's answer; otherwise the message says what came. */
    protected void assertLoaded(PageVisit visit, String what) {
        var response = visit.response();
        responseRule().page(visit.url(), response.map(Exchange::page).orElse(""), visit.status(),
                        response.isPresent() ? response.get().error() : Optional.of("no document response seen"),
                        response.map(Exchange::challenges).orElse(List.of()))
                .ifPresent(finding -> {
                    throw new AssertionError(finding.kind().message(what + " " + finding.url() + " (from " + finding.from() + ") "
                            + finding.evidence()));
                });
    }
}
