package dev.stagecheck.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** The page of a browser without DevTools, driven through plain WebDriver commands. */
final class DriverPage implements BrowserPage {
    private final WebDriver driver;

    DriverPage(WebDriver driver) {
        this.driver = driver;
    }

    @Override
    public void open(String url) {
        driver.get(url);
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
}
