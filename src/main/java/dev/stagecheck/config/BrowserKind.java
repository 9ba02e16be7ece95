package dev.stagecheck.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The browsers a user can name with {@code -Dbrowser=}. */
public enum BrowserKind {
    CHROMIUM("chromium", "chrome", "chromedriver"),
    CHROME("chrome", "chrome", "chromedriver"),
    FIREFOX("firefox", "firefox", "geckodriver"),
    EDGE("edge", "MicrosoftEdge", "msedgedriver"),
    SAFARI("safari", "safari", "safaridriver"),
    /** Safari's engine on Linux: WebKitGTK's MiniBrowser driven by WebKitWebDriver. */
    WEBKIT("webkit", "MiniBrowser", "WebKitWebDriver");

    private final String key;
    private final String gridName;
    private final String driverCommand;

    BrowserKind(String key, String gridName, String driverCommand) {
        this.key = key;
        this.gridName = gridName;
        this.driverCommand = driverCommand;
    }

    public String key() {
        return key;
    }

    /** The W3C browserName a Selenium Grid node advertises for this browser. */
    public String gridName() {
        return gridName;
    }

    /** The WebDriver executable that drives this browser on a local machine. */
    public String driverCommand() {
        return driverCommand;
    }

    /** Chromium and Chrome share a driver, the CDP network witness and the install route. */
    public boolean isChromiumFamily() {
        return this == CHROMIUM || this == CHROME;
    }

    /** Browsers that speak Chrome DevTools Protocol, so the kit sees their network events directly. */
    public boolean speaksCdp() {
        return isChromiumFamily() || this == EDGE;
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
