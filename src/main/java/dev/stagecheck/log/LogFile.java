package dev.stagecheck.log;

import ch.qos.logback.core.PropertyDefinerBase;
import dev.stagecheck.config.ConfigLayers;
import dev.stagecheck.config.SettingKey;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The kit's log file, {@code stagecheck.log} in the reports folder: every line the kit logs, debug
 * detail included, and the stack trace of every internal error. The folder is {@code reports.dir}
 * from {@code -D} or {@code STAGECHECK_REPORTS_DIR}, else {@code reports}, as for the kit's other
 * outputs; a reports.dir in the site profile does not move it, as logging starts before any
 * profile is read.
 */
public final class LogFile {
    static final String NAME = "stagecheck.log";

    private LogFile() {
    }

    public static Path path() {
        var layers = new ConfigLayers(System.getProperties(), System.getenv(), new Properties());
        var key = SettingKey.REPORTS_DIR;
        return Path.of(layers.find(key.key()).orElse(key.defaultValue())).resolve(NAME);
    }

    /** Gives logback.xml the same path: {@code <define name="LOG_FILE" class="dev.stagecheck.log.LogFile$Definer"/>}. */
    public static final class Definer extends PropertyDefinerBase {
        @Override
        public String getPropertyValue() {
            return path().toString();
        }
    }
}
