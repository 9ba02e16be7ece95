package dev.stagecheck.browser;

import dev.stagecheck.traffic.RecordingProxy;
import org.openqa.selenium.WebDriver;

import java.util.Optional;

/**
 * A browser started for one worker: its driver, whether the kit can reach its DevTools (and so see
 * its network events), a one-line description for the report, what to clean up after quit, and
 * the recording proxy its requests pass through, when it has one.
 */
record StartedBrowser(WebDriver driver, boolean devTools, String description, Runnable afterQuit, Optional<RecordingProxy> proxy) {

    StartedBrowser(WebDriver driver, boolean devTools, String description, Runnable afterQuit) {
        this(driver, devTools, description, afterQuit, Optional.empty());
    }
}
