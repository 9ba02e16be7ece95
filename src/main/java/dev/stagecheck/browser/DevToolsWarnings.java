package dev.stagecheck.browser;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Selenium's DevTools client and its WebSocket warn on the console, with a stack trace, when a
 * browser is gone ("Exception while disabling network ... java.io.IOException: Output closed",
 * "Connection reset"). The kit says in one line that the browser died; these go to the kit's log
 * file only.
 */
final class DevToolsWarnings {
    private static final Logger log = LoggerFactory.getLogger(DevToolsWarnings.class);
    /** Held here: java.util.logging keeps loggers only weakly, and a collected one would forget its handler. */
    private static final List<java.util.logging.Logger> QUIETED = List.of(
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.DevTools"),
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.Connection"),
            java.util.logging.Logger.getLogger("org.openqa.selenium.remote.http.WebSocket$Listener"));

    static {
        for (var selenium : QUIETED) {
            selenium.setUseParentHandlers(false);
            selenium.addHandler(new Handler() {
                @Override
                public void publish(LogRecord record) {
                    log.debug("Selenium {}: {}{}", record.getLoggerName(), record.getMessage(),
                            record.getThrown() == null ? "" : ": " + record.getThrown());
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
        }
    }

    private DevToolsWarnings() {
    }

    /** Routes them to the log file (once per JVM; loading the class does it). */
    static void toLogFile() {
        // The static initialiser did the work.
    }
}
