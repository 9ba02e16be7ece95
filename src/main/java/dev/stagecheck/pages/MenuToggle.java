package dev.stagecheck.pages;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

import java.util.Optional;

/**
 * The main menu's hamburger button (the profile's {@code nav.toggle}), shown on small screens: the
 * one place that decides whether it is shown and opens the menu with it.
 */
final class MenuToggle {
    /**
     * A script expression for the first element matching {@code arguments[0]} that is shown (laid out
     * and not hidden), or a falsy value; also false when {@code arguments[0]} is null (no toggle named).
     */
    static final String SHOWN = "arguments[0] && Array.from(document.querySelectorAll(arguments[0]))"
            + ".find(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')";

    private final WebDriver driver;
    private final Optional<String> css;

    MenuToggle(WebDriver driver, Optional<String> css) {
        this.driver = driver;
        this.css = css;
    }

    /** The toggle's selector, when the profile names one (for a read that asks {@link #SHOWN} itself). */
    Optional<String> css() {
        return css;
    }

    /** Clicks the toggle when one is shown, as a user opening the menu would; true when it was clicked. */
    boolean open() {
        if (css.isEmpty()) {
            return false;
        }
        try {
            var shown = (WebElement) ((JavascriptExecutor) driver).executeScript("return " + SHOWN + " || null;", css.get());
            if (shown == null) {
                return false;
            }
            shown.click();
            return true;
        } catch (WebDriverException e) {
            return false;
        }
    }
}
