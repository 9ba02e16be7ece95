package dev.stagecheck.config;

/**
 * Every run setting, with its default and what it does. The README's configuration table lists
 * exactly these; each can be given as {@code -Dkey=value}, as {@code STAGECHECK_KEY} in the
 * environment, or in the site profile file.
 */
public enum SettingKey {
    BASE_URL("base.url", "", "Site under test, e.g. https://staging.example.com. Empty: start the built-in demo site."),
    SITE("site", "sites/demo.properties", "Site profile file (everything site-specific). Only -D or STAGECHECK_SITE."),
    BROWSER("browser", "chromium", "chromium or chrome (firefox, edge, safari, webkit are recognised and skipped where absent)."),
    HEADLESS("headless", "true", "Run the browser without a window."),
    DEVICE("device", "desktop", "Screen size: desktop 1920x1080, laptop 1366x768, tablet 768x1024, mobile 390x844 (touch, mobile UA)."),
    TIMEOUT_PAGE("timeout.page", "30s", "Longest wait for a page load (s or ms suffix)."),
    TIMEOUT_ELEMENT("timeout.element", "10s", "Longest explicit wait for an element or a condition."),
    TIMEOUT_HTTP("timeout.http", "10s", "Connect and response timeout of plain HTTP probes."),
    BROWSER_BINARY("browser.binary", "", "Browser executable. Empty: chromium, chromium-browser, google-chrome on PATH."),
    DRIVER_PATH("driver.path", "", "chromedriver to use (also read from -Dwebdriver.chrome.driver). Empty: resolved in order, see README."),
    BROWSER_INSTALL("browser.install", "auto", "auto: when no browser is found and we run as root with apt-get, install chromium and chromium-driver; never: only say what to install."),
    BASELINE_UPDATE("baseline.update", "false", "true: record this run's crawl as the baseline in reports/baseline/ instead of comparing with it."),
    REPORTS_DIR("reports.dir", "reports", "Where the kit's own outputs go: the browser install log, baseline/. Allure results go to reports/allure-results.");

    private final String key;
    private final String defaultValue;
    private final String description;

    SettingKey(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public static boolean isSettingKey(String key) {
        for (var setting : values()) {
            if (setting.key.equals(key)) {
                return true;
            }
        }
        return false;
    }
}
