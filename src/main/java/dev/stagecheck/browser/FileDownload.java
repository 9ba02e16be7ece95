package dev.stagecheck.browser;

import org.openqa.selenium.WebDriverException;

/**
 * A navigation the browser turned into a download (an attachment, a type it does not show): no new
 * page, the tab stays where it was. The response it got is still the link's answer.
 */
final class FileDownload extends WebDriverException {
    FileDownload(String url) {
        super("net::ERR_ABORTED: the browser downloads " + url + " instead of showing it");
    }
}
