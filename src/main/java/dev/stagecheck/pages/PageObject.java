package dev.stagecheck.pages;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.traffic.NetworkWitness;
import dev.stagecheck.url.SafeUrl;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What every page object shares: the browser, explicit waits, and navigations whose outcome is
 * read from the network witness (a 401 page often renders blank, so the DOM cannot be trusted).
 */
public abstract class PageObject {
    protected final BrowserSession session;
    protected final WebDriver driver;
    private static final Duration POLL = Duration.ofMillis(25);

    protected final WebDriverWait wait;

    protected PageObject(BrowserSession session) {
        this.session = session;
        this.driver = session.driver();
        this.wait = waitUpTo(session.settings().elementTimeout());
    }

    /** Selenium polls every 500 ms by default: most conditions here hold within a few ms, so look often. */
    private WebDriverWait waitUpTo(Duration timeout) {
        var wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(POLL);
        return wait;
    }

    /**
     * Types the URL into the address bar, as a user would. Only for URLs the kit chose itself: the
     * profile's own, or links the safety policy was asked about first.
     */
    protected PageVisit go(String url) {
        return visit(() -> session.navigateTo(url));
    }

    /**
     * Sends a form by clicking its button, as one of the profile's declared checks (login, contact,
     * search): the only way the kit ever POSTs. The form's method and action are read first, so a
     * browser without network events learns that the page it lands on may be a POST's answer.
     */
    protected PageVisit submit(WebElement button) {
        return session.declared(formOf(button), () -> navigate(button::click));
    }

    /** The same for an action that is not a button click (Enter in a search box). */
    protected PageVisit submit(WebElement field, Runnable send) {
        return session.declared(formOf(field), () -> navigate(send));
    }

    @SuppressWarnings("unchecked")
    private Optional<NetworkWitness.Submission> formOf(WebElement element) {
        try {
            var form = (Map<String, Object>) script("const e = arguments[0], f = e.form; if (!f) return null;"
                    + " return {method: (e.getAttribute('formmethod') || f.getAttribute('method') || 'get'),"
                    + " action: (e.getAttribute('formaction') ? e.formAction : f.action)};", element);
            return form == null ? Optional.empty()
                    : Optional.of(new NetworkWitness.Submission(String.valueOf(form.get("method")), String.valueOf(form.get("action"))));
        } catch (WebDriverException e) {
            return Optional.empty();
        }
    }

    /** Runs an action that leads to a new page and reports where it ended. */
    protected PageVisit navigate(Runnable action) {
        return navigate(Optional.empty(), action);
    }

    /** The same, when the action's destination is known (a typed URL, a link's href). */
    protected PageVisit navigate(Optional<String> target, Runnable action) {
        return visit(() -> session.navigate(target, action));
    }

    /** A navigation's outcome: its response, and where the browser shows it has ended. */
    private PageVisit visit(Supplier<Optional<Exchange>> navigation) {
        var from = session.traffic().size();
        var response = navigation.get();
        var shown = settledDocument();
        return new PageVisit(shown.url(), response.map(r -> r.status()).orElse(0), shown.title(), response, from);
    }

    private record Shown(String url, String title) {}

    /** Where the browser is once the document finished loading, read in one call per look. */
    @SuppressWarnings("unchecked")
    private Shown settledDocument() {
        try {
            var page = wait.until(d -> {
                var read = (Map<String, Object>) session.read(
                        "return {state: document.readyState, url: location.href, title: document.title};");
                return "complete".equals(read.get("state")) ? read : null;
            });
            var url = String.valueOf(page.get("url"));
            // An error page's location is chrome-error://...; WebDriver names the URL that failed.
            return new Shown(url.startsWith("http") ? SafeUrl.of(url) : currentUrl(), String.valueOf(page.get("title")));
        } catch (WebDriverException e) {
            // An error page may never complete; the status already says what happened.
            return new Shown(currentUrl(), title());
        }
    }

    /** Where we are now, for actions that did not lead anywhere (a form the browser refused to send). */
    protected PageVisit stayed() {
        var from = session.traffic().size();
        return new PageVisit(currentUrl(), 200, title(), java.util.Optional.empty(), from);
    }

    public String title() {
        try {
            return driver.getTitle();
        } catch (WebDriverException e) {
            return "";
        }
    }

    public String currentUrl() {
        return SafeUrl.of(driver.getCurrentUrl());
    }

    protected Object script(String source, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(source, args);
    }

    /** Waits for what the selector matches to show; when it does not, a {@link NotShown} line says why (the page's answer). */
    protected WebElement visible(String css) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        } catch (TimeoutException e) {
            throw notShown(named(css));
        }
    }

    /** Waits for an element to be clickable; when it does not become so, a {@link NotShown} line says why. */
    protected WebElement clickable(WebElement element, String what) {
        try {
            return wait.until(ExpectedConditions.elementToBeClickable(element));
        } catch (TimeoutException | org.openqa.selenium.StaleElementReferenceException e) {
            throw notShown(what + " (clickable)");
        }
    }

    /** The first element the selector matches now, without waiting (the page has loaded); a {@link NotShown} line when none does. */
    protected WebElement present(String css) {
        var found = driver.findElements(By.cssSelector(css));
        if (found.isEmpty()) {
            throw notShown(named(css));
        }
        return found.get(0);
    }

    /** How a message names what a selector stands for; page objects that know name it ("the login form ('#email')"). */
    protected String named(String css) {
        return "'" + css + "'";
    }

    /** What did not show, for a {@link NotShown} line with this page's answer. */
    protected NotShown notShown(String what) {
        return NotShown.on(session, what);
    }

    protected boolean isVisible(String css) {
        return driver.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Waits a little for something to appear; false (not an exception) when it does not. */
    protected boolean appears(String css, Duration within) {
        try {
            waitUpTo(within).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    protected void type(String css, String text) {
        var field = visible(css);
        field.clear();
        field.sendKeys(text);
    }

    /** Every link matching the selector, read in one script call (one round trip, not one per link). */
    @SuppressWarnings("unchecked")
    protected List<Link> links(String css) {
        var raw = (List<Map<String, Object>>) script(
                "return Array.from(document.querySelectorAll(arguments[0]))"
                        + ".filter(a => a.href).map(a => ({text: (a.textContent || '').trim(), href: a.href}));", css);
        return raw.stream().map(item -> new Link(String.valueOf(item.get("text")), String.valueOf(item.get("href")))).toList();
    }
}
