package dev.stagecheck.pages;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.url.SafeUrl;
import org.openqa.selenium.WebDriverException;

import java.util.Optional;

/**
 * Something a page object waited for never showed, said in one line with the answer the page
 * came with: "the login form ('#user_login') did not appear on https://x/wp-login.php:
 * https://x/wp-login.php answered 401 (challenge: Basic realm="Staging")". A blank 401 page is
 * the usual reason; the line says so instead of WebDriver's timeout and its stack trace.
 */
public final class NotShown extends AssertionError {
    private final transient Optional<Exchange> answer;

    NotShown(String what, String where, Optional<Exchange> answer) {
        super(what + " did not appear on " + where + ": " + because(answer));
        this.answer = answer;
    }

    /**
     * The one place a missing element becomes a line: what did not show, where the browser is, and
     * the last page answer the network witness recorded (a page object's wait, or the listener for
     * any wait that escaped one).
     */
    public static NotShown on(BrowserSession session, String what) {
        var pages = session.traffic().matching(Exchange::isPage);
        var answer = pages.isEmpty() ? Optional.<Exchange>empty() : Optional.of(pages.get(pages.size() - 1));
        String where;
        try {
            where = SafeUrl.of(session.driver().getCurrentUrl());
        } catch (WebDriverException e) {
            where = answer.map(Exchange::url).orElse("the page shown");
        }
        return new NotShown(what, where, answer);
    }

    /** The last document answer of the page it did not appear on, when the browser reported one. */
    public Optional<Exchange> answer() {
        return answer;
    }

    private static String because(Optional<Exchange> answer) {
        if (answer.isEmpty()) {
            return "no answer of the page was recorded (it may still be loading, or the browser did not say)";
        }
        var page = answer.get();
        if (page.status() == 0) {
            return page.url() + " did not load (" + page.error().orElse("no response") + ")";
        }
        if (page.status() >= 400) {
            return page.url() + " answered " + page.status()
                    + (page.challenges().isEmpty() ? "" : " (challenge: " + page.challengeText() + ")");
        }
        return page.url() + " answered " + page.status() + ", but nothing there matches: check the selector against the page";
    }

    /** A failure line, not a program error: where it was thrown says nothing the message does not. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
