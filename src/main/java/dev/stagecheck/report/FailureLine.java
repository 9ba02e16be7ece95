package dev.stagecheck.report;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.OneLine;
import dev.stagecheck.log.InternalErrors;
import dev.stagecheck.pages.NotShown;
import dev.stagecheck.traffic.SiteAnswers;
import dev.stagecheck.traffic.SiteStoppedAnswering;
import dev.stagecheck.config.TargetSite;
import dev.stagecheck.url.SafeUrl;
import dev.stagecheck.verdict.FindingKind;
import dev.stagecheck.verdict.FindingsError;
import dev.stagecheck.verdict.ResponseRule;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;

import java.util.List;
import java.util.Optional;

/**
 * What a failed checklist test says, on the console and in the report: the problem in words, never
 * WebDriver's exception or a stack trace. A wait that found nothing is said with the answer the
 * page came with ({@link NotShown}), labelled by what the {@link ResponseRule} makes of that answer
 * ("Unexpected 401: the login form ('#email') did not appear on ...: ... answered 401"); an
 * assertion keeps its message; a bug of the kit is an internal error whose trace goes to the log file.
 */
final class FailureLine {
    /** What TestNG's assertTrue/assertFalse append to a check's own sentence. */
    private static final List<String> BOOLEAN_TAILS = List.of(" expected [true] but found [false]", " expected [false] but found [true]");

    private FailureLine() {
    }

    /** The failure as the user reads it: an assertion error with the message and no stack trace. */
    static AssertionError of(Throwable failure, String test, Optional<BrowserSession> session, ResponseRule rule) {
        if (failure instanceof NotShown || failure instanceof WebDriverException) {
            // A wait that ran out because the whole site went away: the cause, not the element it waited for.
            var stopped = SiteAnswers.stoppedDuring(session.map(FailureLine::shownUrl).orElse(TargetSite.baseUrl().toString()),
                    session.map(browser -> browser.settings().httpTimeout()).orElse(java.time.Duration.ofSeconds(5)));
            if (stopped.isPresent()) {
                return line(stopped.get());
            }
        }
        if (failure instanceof NotShown notShown) {
            return line(labelled(notShown, rule));
        }
        if (session.isPresent() && fromTheBrowser(failure) && !session.get().isAlive()) {
            return line(browserDied(test, failure));
        }
        if (failure instanceof WebDriverException browser && session.isPresent()) {
            return line(labelled(NotShown.on(session.get(), waitedFor(browser)), rule));
        }
        if (failure instanceof AssertionError assertion && assertion.getCause() == null) {
            var sentence = failure instanceof FindingsError ? Optional.<String>empty() : withoutBooleanTail(assertion.getMessage());
            if (sentence.isPresent()) {
                return line(sentence.get());
            }
            // Kept as it is (a findings error carries its findings), only without the trace.
            assertion.setStackTrace(new StackTraceElement[0]);
            return assertion;
        }
        if (failure instanceof AssertionError || failure instanceof ConfigException || failure instanceof SiteStoppedAnswering) {
            return line(failure.getMessage());
        }
        InternalErrors.report(test, failure, InternalErrors.urlsThrough(SafeUrl::of));
        return line("internal error in " + test + ": " + OneLine.of(String.valueOf(failure.getMessage()))
                + " (stack trace in the kit's log file, reports/stagecheck.log by default)");
    }

    /** True when the failure came from talking to the browser (WebDriver, DevTools, their connection), not from the test's own logic. */
    private static boolean fromTheBrowser(Throwable failure) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebDriverException || cause instanceof java.io.IOException || cause instanceof java.io.UncheckedIOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A browser that is gone (killed, crashed, out of memory) is the machine's fault, not the site's:
     * said as such, with the test's name and what the browser last said, never WebDriver's "Output closed".
     */
    static String browserDied(String test, Throwable failure) {
        var shortName = test.substring(Math.max(0, test.lastIndexOf('.', test.lastIndexOf('.') - 1) + 1));
        // What WebDriver said ("Output closed", "chrome not reachable") names no cause a user can act on: the log keeps it.
        org.slf4j.LoggerFactory.getLogger(FailureLine.class).debug("the browser of {} died: {}", test, failure.toString());
        return "the browser died during " + shortName + ": it stopped answering (killed, crashed or out of memory); the next tests"
                + " get a fresh browser; if browsers keep dying, check the machine's free memory (dmesg shows the kernel's"
                + " out-of-memory killer) and lower crawl.workers";
    }

    private static String shownUrl(BrowserSession session) {
        try {
            var url = session.driver().getCurrentUrl();
            return url != null && url.startsWith("http") ? url : TargetSite.baseUrl().toString();
        } catch (WebDriverException e) {
            return TargetSite.baseUrl().toString();
        }
    }

    /** The kind the page's answer is, as the one rule judges it; a page that answered fine lost the element itself. */
    private static String labelled(NotShown notShown, ResponseRule rule) {
        var kind = notShown.answer()
                .flatMap(page -> rule.page(page.url(), page.page(), page.status(), page.error(), page.challenges()))
                .map(finding -> finding.kind())
                .orElse(FindingKind.BROKEN_PAGE);
        return kind.message(notShown.getMessage());
    }

    /** What a raw WebDriver failure was about, in plain words: the wait's condition, or the first line of what the browser said. */
    static String waitedFor(WebDriverException browser) {
        var said = String.valueOf(browser.getMessage());
        if (browser instanceof TimeoutException) {
            var start = said.indexOf("waiting for ");
            if (start >= 0) {
                var condition = said.substring(start + "waiting for ".length());
                for (var end : List.of(", but", " (tried", "\n")) {
                    var at = condition.indexOf(end);
                    condition = at < 0 ? condition : condition.substring(0, at);
                }
                return "what the test waited for (" + condition.strip() + ")";
            }
            return "what the test waited for";
        }
        var first = said.lines().findFirst().orElse("").replaceAll("org\\.openqa\\.selenium\\.[\\w.]+", "").strip();
        return "what the test needed (the browser said: " + (first.isEmpty() ? "no details" : first) + ")";
    }

    /**
     * A check's own sentence without what TestNG's assertTrue/assertFalse add to it ("expected [true]
     * but found [false]"): the sentence already says what was expected, the tail only adds noise.
     */
    static Optional<String> withoutBooleanTail(String message) {
        if (message == null) {
            return Optional.empty();
        }
        for (var tail : BOOLEAN_TAILS) {
            if (message.endsWith(tail) && message.length() > tail.length()) {
                return Optional.of(message.substring(0, message.length() - tail.length()).strip());
            }
        }
        return Optional.empty();
    }

    private static AssertionError line(String message) {
        var error = new AssertionError(message);
        error.setStackTrace(new StackTraceElement[0]);
        return error;
    }
}
