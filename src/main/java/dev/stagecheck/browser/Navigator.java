package dev.stagecheck.browser;

import dev.stagecheck.safety.SafetyGuard;
import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.traffic.NetworkWitness;
import dev.stagecheck.traffic.SiteAnswers;
import dev.stagecheck.traffic.Traffic;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Takes the browser to new pages and sends the profile's forms: each under the safety guard, with
 * the network witness told before and after, and the page's response read from the traffic.
 */
final class Navigator {
    private final WebDriver driver;
    private final BrowserPage page;
    private final Traffic traffic;
    private final NetworkWitness witness;
    private final SafetyGuard guard;
    private final Duration pageTimeout;

    Navigator(WebDriver driver, BrowserPage page, Traffic traffic, NetworkWitness witness, SafetyGuard guard, Duration pageTimeout) {
        this.driver = driver;
        this.page = page;
        this.traffic = traffic;
        this.witness = witness;
        this.guard = guard;
        this.pageTimeout = pageTimeout;
    }

    /** See {@link BrowserSession#navigate}. */
    Optional<Exchange> navigate(Optional<String> target, Runnable action) {
        var from = traffic.size();
        var unsafe = target.flatMap(guard::navigation);
        if (unsafe.isPresent()) {
            // The last line of defence: callers that follow links ask the policy before they get here.
            var shown = currentPageQuietly();
            traffic.refused(unsafe.get(), shown);
            var note = new Exchange("GET", unsafe.get().url(), 0, "Document", true, shown, List.of(), Optional.of(unsafe.get().note()));
            traffic.record(note);
            return Optional.of(note);
        }
        var refused = target.flatMap(witness::beforeNavigation);
        if (refused.isPresent()) {
            // Leave the previous page, as a browser showing an error would: its links are not this page's.
            page.open("about:blank");
            return refused;
        }
        var download = false;
        Optional<String> refusedBy = Optional.empty();
        try {
            action.run();
        } catch (FileDownload e) {
            download = true;
        } catch (WebDriverException e) {
            // Chromium refuses to render some error answers (a 401 challenge it cannot meet:
            // net::ERR_INVALID_AUTH_CREDENTIALS). The witness still has the status; report that.
            if (e instanceof TimeoutException || e.getMessage() == null || !e.getMessage().contains("net::ERR_")) {
                throw e;
            }
            refusedBy = Optional.of(e.getMessage());
        }
        witness.afterNavigation();
        var answer = traffic.awaitPageSince(from, pageTimeout);
        // No answer on the connection: if the site itself is gone, this check and the rest stop here with one line.
        var browserSaid = refusedBy;
        var noAnswer = answer.filter(page -> page.status() == 0).flatMap(Exchange::error).or(() -> answer.isEmpty() ? browserSaid : Optional.empty());
        if (noAnswer.isPresent()) {
            SiteAnswers.afterNoAnswer(answer.map(Exchange::url).or(() -> target).orElse(currentPageQuietly()), noAnswer.get(), pageTimeout);
        }
        // A download leaves the tab on the page before: the answer is a file link's, not a page to read.
        return download ? answer.map(Exchange::asFile) : answer;
    }

    /** See {@link BrowserSession#navigateTo}. */
    Optional<Exchange> navigateTo(String url) {
        guard.typed(url);
        return navigate(Optional.of(url), () -> page.open(url));
    }

    /** See {@link BrowserSession#declared}. */
    <T> T declared(Optional<NetworkWitness.Submission> form, Supplier<T> check) {
        form.ifPresent(witness::beforeSubmit);
        return guard.declared(check);
    }

    private String currentPageQuietly() {
        try {
            var url = driver.getCurrentUrl();
            return url == null || !url.startsWith("http") ? "" : url;
        } catch (WebDriverException e) {
            return "";
        }
    }
}
