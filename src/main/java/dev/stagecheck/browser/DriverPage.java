package dev.stagecheck.browser;

import dev.stagecheck.traffic.Dialog;
import dev.stagecheck.traffic.Traffic;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/** The page of a browser without DevTools, driven through plain WebDriver commands. */
final class DriverPage implements BrowserPage {
    /** More dialogs in a row than a page opens on load without being a trap (alert in a loop): the rest are dismissed unread. */
    private static final int MAX_DIALOGS = 5;

    private final WebDriver driver;
    private final Traffic traffic;

    DriverPage(WebDriver driver, Traffic traffic) {
        this.driver = driver;
        this.traffic = traffic;
    }

    /**
     * Goes to the page, then answers the dialogs it opened while it loaded, recording each: without
     * DevTools no event announces them. Dialogs opened later are dismissed by the driver itself
     * (the session asks for unhandledPromptBehavior "dismiss"), unseen but harmless.
     */
    @Override
    public void open(String url) {
        driver.get(url);
        for (var i = 0; i < MAX_DIALOGS; i++) {
            try {
                var alert = driver.switchTo().alert();
                traffic.record(new Dialog("dialog", alert.getText(), url));
                alert.dismiss();
            } catch (NoAlertPresentException e) {
                return;
            } catch (WebDriverException e) {
                return; // Closed meanwhile, or a driver without the alert commands: nothing left to answer.
            }
        }
    }

    @Override
    public Object read(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** WebDriver cannot reach a page's timers and handlers: the page must be left instead. */
    @Override
    public boolean silence() {
        return false;
    }

    @Override
    public void stopLoading() {
        try {
            ((JavascriptExecutor) driver).executeScript("window.stop();");
        } catch (WebDriverException ignored) {
            // The next navigation starts over anyway.
        }
    }

    /** Without DevTools no event tells of a hung or crashed tab: a hung page is a load that timed out. */
    @Override
    public java.util.Optional<TabTrouble> trouble() {
        return java.util.Optional.empty();
    }

    @Override
    public boolean crashedOnce() {
        return false;
    }
}
