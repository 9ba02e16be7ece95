package dev.stagecheck.browser;

import dev.stagecheck.config.ConfigException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The browsers a user can name with {@code -Dbrowser=}. */
public enum BrowserKind {
    CHROMIUM("chromium"),
    CHROME("chrome"),
    FIREFOX("firefox"),
    EDGE("edge"),
    SAFARI("safari"),
    WEBKIT("webkit");

    private final String key;

    BrowserKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Chromium and Chrome share a driver, the CDP network witness and the install route. */
    public boolean isChromiumFamily() {
        return this == CHROMIUM || this == CHROME;
    }

    public static BrowserKind parse(String value, String origin) {
        var wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(kind -> kind.key.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new ConfigException("unknown browser '" + value + "' (" + origin + "): use one of "
                        + Arrays.stream(values()).map(BrowserKind::key).collect(Collectors.joining(", "))));
    }
}
