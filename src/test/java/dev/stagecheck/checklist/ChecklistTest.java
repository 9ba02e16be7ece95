package dev.stagecheck.checklist;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.browser.BrowserSessions;
import dev.stagecheck.browser.BrowserUnavailableException;
import dev.stagecheck.report.RunSettings;
import org.testng.ITestContext;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.pages.PageVisit;
import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.verdict.FindingKind;
import io.qameta.allure.Epic;
import org.testng.SkipException;
import org.testng.annotations.BeforeMethod;

import java.util.Optional;

/**
 * What every checklist area shares: this worker's browser, reset to a first visit before each test,
 * and the site profile. A 401 the test did not declare, or a 5xx, fails it anyway (ChecklistListener).
 */
@Epic("401 fix verification checklist")
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

    /** A page loaded when its document answered 2xx/3xx; otherwise the message says what came instead. */
    protected static void assertLoaded(PageVisit visit, String what) {
        if (visit.response().map(Exchange::isUnknown).orElse(false)) {
            return; // A POST's answer the browser alone saw: the network table says its status is unknown, nothing to judge.
        }
        if (visit.status() == 401) {
            throw new AssertionError(FindingKind.UNEXPECTED_401.message(what + " " + visit.url() + " answered 401"
                    + visit.response().map(r -> " (from " + (r.page().isEmpty() ? "typed URL" : r.page()) + ")").orElse("")));
        }
        if (visit.status() >= 500) {
            throw new AssertionError(FindingKind.SERVER_ERROR.message(what + " " + visit.url() + " answered " + visit.status()));
        }
        if (!visit.loaded()) {
            throw new AssertionError(FindingKind.BROKEN_PAGE.message(what + " " + visit.url() + " answered " + visit.statusText()));
        }
    }
}
