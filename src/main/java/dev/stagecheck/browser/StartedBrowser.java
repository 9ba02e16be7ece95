package dev.stagecheck.browser;

import org.openqa.selenium.WebDriver;

/**
 * A browser started for one worker: its driver, whether the kit can reach its DevTools (and so see
 * its network events), a one-line description for the report, and what to clean up after quit.
 */
record StartedBrowser(WebDriver driver, boolean devTools, String description, Runnable afterQuit) {
}
