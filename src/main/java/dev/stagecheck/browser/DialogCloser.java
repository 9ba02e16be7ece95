package dev.stagecheck.browser;

import dev.stagecheck.devtools.DevToolsConnection;
import dev.stagecheck.traffic.Dialog;
import dev.stagecheck.traffic.Traffic;

import java.util.Map;

/**
 * Answers every JavaScript dialog of a Chromium-family tab the moment it opens, and records it. An
 * open dialog blocks the page (its load event never comes, so a page load "times out") and makes
 * chromedriver fail the next command with an unexpected-alert error; a visitor would close it, so
 * the kit does: alert, confirm and prompt are dismissed (Cancel), a beforeunload question is
 * answered "Leave", or the navigation that raised it would never end. The crawl reports each one as
 * a Dialog finding. Needs the Page domain on (CdpPage enables it).
 */
final class DialogCloser {
    private DialogCloser() {
    }

    static void attach(DevToolsConnection cdp, Traffic traffic) {
        cdp.on("Page.javascriptDialogOpening", event -> {
            var dialog = new Dialog(text(event.get("type")), text(event.get("message")), text(event.get("url")));
            traffic.record(dialog);
            // Quietly: chromedriver (told to dismiss what it meets) may have closed it first.
            cdp.sendQuietly("Page.handleJavaScriptDialog", Map.of("accept", dialog.beforeUnload()));
        });
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
