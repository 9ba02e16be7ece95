package dev.stagecheck.config;

/**
 * Every run setting, with its default and what it does. The README's configuration table lists
 * exactly these; each can be given as {@code -Dkey=value}, as {@code STAGECHECK_KEY} in the
 * environment, or in the site profile file.
 */
public enum SettingKey {
    BASE_URL("base.url", "", "Site under test, e.g. https://staging.example.com. Empty: start the built-in demo site."),
    SITE("site", "sites/demo.properties", "Site profile file (everything site-specific). Only -D or STAGECHECK_SITE."),
    BROWSER("browser", "chromium", "chromium, chrome, firefox, edge, safari or webkit. Suites with a browser parameter per test block (cross-browser, nightly) override it."),
    BROWSERS("browsers", "", "Comma list: of a suite that names browsers per test block (cross-browser, nightly), run only these. Empty: all it names."),
    HEADLESS("headless", "true", "Run the browser without a window."),
    DEVICE("device", "desktop", "Screen size: desktop 1920x1080, laptop 1366x768, tablet 768x1024, mobile 390x844 (touch, mobile UA)."),
    TIMEOUT_PAGE("timeout.page", "30s", "Longest wait for a page load (s or ms suffix)."),
    TIMEOUT_ELEMENT("timeout.element", "10s", "Longest explicit wait for an element or a condition."),
    TIMEOUT_HTTP("timeout.http", "10s", "Connect and response timeout of plain HTTP probes."),
    BROWSER_BINARY("browser.binary", "", "Browser executable. Empty: chromium, chromium-browser, google-chrome on PATH."),
    DRIVER_PATH("driver.path", "", "chromedriver to use (also read from -Dwebdriver.chrome.driver). Empty: resolved in order, see README."),
    BROWSER_INSTALL("browser.install", "auto", "auto: when a browser the run needs is missing and we run as root with apt-get, install it (chromium chromium-driver; webkit2gtk-driver xvfb); never: only say what to install."),
    GRID_URL("grid.url", "", "Selenium Grid 4 to run the browsers on, e.g. http://grid:4444. Empty: start browsers on this machine."),
    CRAWL_WORKERS("crawl.workers", "1", "Browsers that share each crawl (1 to 8): the test's own and helpers with its cookies, kept for later crawls."),
    RESET_CACHE("reset.cache", "true", "true: empty the HTTP cache before every test too, so no test sees a page cached under another identity (credentials, a member's cookie). false: keep it (first pages load warm, a little faster; only for a site without logins or credentials, where every visitor gets the same pages). Cookies, site storage and the recorded traffic are always reset."),
    BASELINE_UPDATE("baseline.update", "false", "true: record this run's crawl as the baseline in reports/baseline/ instead of comparing with it."),
    WEBHOOK_URL("webhook.url", "", "Where a failed run POSTs a short JSON summary. Only -D or STAGECHECK_WEBHOOK_URL: it holds a token, so never in a profile; only its host is ever printed. off sends none."),
    REPORT_URL("report.url", "", "Link to the report in the failure summary. Empty: the CI build page (BUILD_URL, GitHub run, CI_JOB_URL), else the local reports/allure-report/index.html."),
    RETRIES("retries", "0", "How often a failed checklist test runs again (0 to 3). A test that passes on a retry shows as flaky in the report."),
    REPORTS_DIR("reports.dir", "reports", "Where the kit's own outputs go: the browser install log, baseline/, the log file stagecheck.log (for it only -D or STAGECHECK_REPORTS_DIR). Allure results go to reports/allure-results.");

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

    /** True for STAGECHECK_BASE_URL and the other variables that hold a setting. */
    public static boolean isSettingEnvironmentName(String name) {
        for (var setting : values()) {
            if (ConfigLayers.environmentName(setting.key).equals(name)) {
                return true;
            }
        }
        return false;
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
