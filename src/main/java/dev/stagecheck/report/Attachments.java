package dev.stagecheck.report;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.url.SafeUrl;
import dev.stagecheck.verdict.AcceptedFindings;
import io.qameta.allure.Allure;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;

import java.io.ByteArrayInputStream;

/**
 * What a reviewer needs to see in the report. Nothing attached carries a secret: URLs are made
 * safe when recorded, no request headers are kept, and typed passwords never reach the page source.
 */
public final class Attachments {
    private Attachments() {
    }

    public static void network(BrowserSession session) {
        Allure.addAttachment("Network (every response the browser received)", "text/plain", session.traffic().table(), ".txt");
    }

    /** The findings the profile's accept lines cover, each with its reason: listed, never failed. */
    public static void accepted(AcceptedFindings.Sorted sorted) {
        if (!sorted.accepted().isEmpty()) {
            Allure.addAttachment("Accepted findings (" + sorted.accepted().size() + ")", "text/plain", sorted.table(), ".txt");
        }
    }

    public static void failureEvidence(BrowserSession session) {
        try {
            var png = ((TakesScreenshot) session.driver()).getScreenshotAs(OutputType.BYTES);
            Allure.addAttachment("Screenshot at failure", "image/png", new ByteArrayInputStream(png), ".png");
        } catch (WebDriverException | ClassCastException e) {
            Allure.addAttachment("Screenshot at failure", "text/plain", "no screenshot: " + e.getClass().getSimpleName(), ".txt");
        }
        try {
            // A browser that took Basic credentials from the URL still shows them in its current URL.
            Allure.addAttachment("Page source at failure (" + SafeUrl.of(session.driver().getCurrentUrl()) + ")", "text/html",
                    session.driver().getPageSource(), ".html");
        } catch (WebDriverException e) {
            Allure.addAttachment("Page source at failure", "text/plain", "no page source: " + e.getClass().getSimpleName(), ".txt");
        }
        Allure.addAttachment("Browser console", "text/plain", session.hasDevTools() ? session.traffic().consoleText()
                : "(" + session.settings().browser().key() + " gives WebDriver no console messages; Chromium's run has them)\n", ".txt");
    }
}
