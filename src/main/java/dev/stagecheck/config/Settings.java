package dev.stagecheck.config;

import dev.stagecheck.url.SafeUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.stagecheck.config.SettingKey.*;

/**
 * The run's settings, typed and checked. Everything is validated here, before any browser starts,
 * so a bad value ends the run with one line naming the key and what to do.
 */
public record Settings(
        Optional<URI> baseUrl,
        Path site,
        BrowserKind browser,
        boolean headless,
        Device device,
        Duration pageTimeout,
        Duration elementTimeout,
        Duration httpTimeout,
        Optional<Path> browserBinary,
        Optional<Path> driverPath,
        boolean mayInstallBrowser,
        boolean baselineUpdate,
        Path reportsDir,
        Optional<URI> gridUrl,
        int retries,
        Set<BrowserKind> onlyBrowsers,
        int crawlWorkers,
        boolean resetCache,
        SiteProfile profile) {

    private static final Logger log = LoggerFactory.getLogger(Settings.class);
    public static final int MAX_RETRIES = 3;
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s)?");
    private static volatile Settings current;

    /** The settings of this JVM, read once from -D, the environment and the profile file. */
    public static Settings current() {
        var settings = current;
        if (settings == null) {
            synchronized (Settings.class) {
                if (current == null) {
                    current = load(System.getProperties(), System.getenv());
                }
                settings = current;
            }
        }
        return settings;
    }

    /** The same run on another browser (a suite's {@code <parameter name="browser">}). */
    public Settings withBrowser(BrowserKind other) {
        return new Settings(baseUrl, site, other, headless, device, pageTimeout, elementTimeout, httpTimeout, browserBinary,
                driverPath, mayInstallBrowser, baselineUpdate, reportsDir, gridUrl, retries, onlyBrowsers, crawlWorkers, resetCache, profile);
    }

    /** The same run on another device (a suite's {@code <parameter name="device">}). */
    public Settings withDevice(Device other) {
        return new Settings(baseUrl, site, browser, headless, other, pageTimeout, elementTimeout, httpTimeout, browserBinary,
                driverPath, mayInstallBrowser, baselineUpdate, reportsDir, gridUrl, retries, onlyBrowsers, crawlWorkers, resetCache, profile);
    }

    /** True when the user gave no base URL: the run targets the built-in demo site. */
    public boolean usesDemoSite() {
        return baseUrl.isEmpty();
    }

    public static Settings load(Properties systemProperties, Map<String, String> environment) {
        var noProfile = new ConfigLayers(systemProperties, environment, new Properties());
        var site = Path.of(noProfile.find(SITE.key()).orElse(SITE.defaultValue()));
        var profileProperties = readProfile(site, inProject(site), noProfile.origin(SITE.key(), "default"));
        var layers = new ConfigLayers(systemProperties, environment, profileProperties);
        var reader = new SettingReader(layers, site.toString());

        var settings = new Settings(
                reader.optional(BASE_URL).map(value -> parseBaseUrl(value, reader.origin(BASE_URL))),
                site,
                BrowserKind.parse(reader.value(BROWSER), reader.origin(BROWSER)),
                reader.bool(HEADLESS),
                Device.parse(reader.value(DEVICE), reader.origin(DEVICE)),
                reader.duration(TIMEOUT_PAGE),
                reader.duration(TIMEOUT_ELEMENT),
                reader.duration(TIMEOUT_HTTP),
                reader.optional(BROWSER_BINARY).map(Path::of),
                reader.optional(DRIVER_PATH).or(() -> Optional.ofNullable(systemProperties.getProperty("webdriver.chrome.driver")))
                        .map(Path::of),
                parseInstallPolicy(reader.value(BROWSER_INSTALL), reader.origin(BROWSER_INSTALL)),
                reader.bool(BASELINE_UPDATE),
                Path.of(reader.value(REPORTS_DIR)),
                reader.optional(GRID_URL).map(value -> parseGridUrl(value, reader.origin(GRID_URL))),
                parseRetries(reader.value(RETRIES), reader.origin(RETRIES)),
                parseBrowsers(reader.value(BROWSERS), reader.origin(BROWSERS)),
                parseWorkers(reader.value(CRAWL_WORKERS), reader.origin(CRAWL_WORKERS)),
                reader.bool(RESET_CACHE),
                SiteProfile.from(new ProfileReader(profileProperties, site.toString(), systemProperties, environment)));
        logLoaded(settings, noProfile.find(SITE.key()).isPresent() ? "from " + noProfile.origin(SITE.key(), "") : "the default", reader);
        return settings;
    }

    /** What was read, at debug. Where the URLs come from, not what they are: a base or Grid URL may hold user:password@. */
    private static void logLoaded(Settings settings, String siteOrigin, SettingReader reader) {
        log.debug("settings: profile {} ({}), base.url {}, browser {}, device {}, headless {}, grid.url {}, "
                        + "timeouts page {} ms / element {} ms / http {} ms, retries {}, crawl.workers {}, reports in {}",
                settings.site, siteOrigin,
                settings.baseUrl.isPresent() ? "from " + reader.origin(BASE_URL) : "not set (the built-in demo site)",
                settings.browser.key(), settings.device.key(), settings.headless,
                settings.gridUrl.isPresent() ? "from " + reader.origin(GRID_URL) : "not set (browsers start here)",
                settings.pageTimeout.toMillis(), settings.elementTimeout.toMillis(), settings.httpTimeout.toMillis(),
                settings.retries, settings.crawlWorkers, settings.reportsDir);
        var profile = settings.profile;
        log.debug("site profile {}: {} start URL(s), {} protected, {} forbidden, {} API endpoint(s), login {}, server log {}",
                profile.file(), profile.startUrls().size(), profile.protectedUrls().size(), profile.forbiddenUrls().size(),
                profile.apiEndpoints().size(), profile.login().isPresent() ? "yes" : "no", profile.serverLog().isPresent() ? "yes" : "no");
    }

    /**
     * A relative profile path is looked up in the working directory, then in the project directory
     * Maven names in {@code basedir} (so {@code mvn -f other/pom.xml} finds its own sites/).
     */
    private static Path inProject(Path site) {
        var basedir = System.getProperty("basedir");
        if (site.isAbsolute() || Files.exists(site) || basedir == null) {
            return site;
        }
        return Path.of(basedir).resolve(site);
    }

    private static Properties readProfile(Path site, Path file, String origin) {
        if (Files.isDirectory(file)) {
            throw new ConfigException("site profile " + site + " (" + origin
                    + ") is a directory: give a .properties file, e.g. -Dsite=sites/demo.properties");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("site profile " + site + " not found (" + origin
                    + "): give an existing .properties file with -Dsite=..., e.g. -Dsite=sites/demo.properties");
        }
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("site profile " + site + " cannot be read (" + e.getMessage()
                    + "): check that it is a UTF-8 .properties file");
        }
        return properties;
    }

    static URI parseBaseUrl(String value, String origin) {
        try {
            var uri = new URI(value);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isBlank()) {
                throw new URISyntaxException(value, "not an absolute http(s) URL with a host");
            }
            // Keep the path, drop a trailing slash so "base + /path" joins cleanly.
            var text = uri.toString();
            return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (URISyntaxException e) {
            throw new ConfigException("base.url '" + SafeUrl.of(value) + "' (" + origin
                    + ") is not an http(s) URL: give one like -Dbase.url=https://staging.example.com");
        }
    }

    static URI parseGridUrl(String value, String origin) {
        try {
            var uri = parseBaseUrl(value, origin);
            // RemoteWebDriver wants the hub root; people often paste the /wd/hub or /ui address.
            var text = uri.toString().replaceFirst("/(wd/hub|ui)/?$", "");
            return URI.create(text);
        } catch (ConfigException e) {
            throw new ConfigException("grid.url '" + SafeUrl.of(value) + "' (" + origin
                    + ") is not an http(s) URL: give the Grid's address, e.g. -Dgrid.url=http://grid.example.com:4444");
        }
    }

    public static final int MAX_CRAWL_WORKERS = 8;

    /** Browsers sharing a crawl: each costs a browser's memory (~400 MiB), so a small bound. */
    private static int parseWorkers(String value, String origin) {
        var workers = value.trim().matches("\\d{1,2}") ? Integer.parseInt(value.trim()) : 0;
        if (workers < 1 || workers > MAX_CRAWL_WORKERS) {
            throw new ConfigException("crawl.workers '" + value + "' (" + origin + ") is not a whole number from 1 to "
                    + MAX_CRAWL_WORKERS + ": write e.g. -Dcrawl.workers=2");
        }
        return workers;
    }

    /** "webkit, chromium" -> those kinds; empty -> empty (every browser a suite names). */
    private static Set<BrowserKind> parseBrowsers(String value, String origin) {
        var kinds = new java.util.LinkedHashSet<BrowserKind>();
        for (var name : value.split(",")) {
            if (!name.isBlank()) {
                kinds.add(BrowserKind.parse(name, "browsers, " + origin));
            }
        }
        return Set.copyOf(kinds);
    }

    /** True when a suite's test block for this browser should run (the browsers setting leaves it in). */
    public boolean runsBrowser(BrowserKind kind) {
        return onlyBrowsers.isEmpty() || onlyBrowsers.contains(kind);
    }

    /** Retries are opt-in and bounded: a checklist that needs many has a problem retries would hide. */
    private static int parseRetries(String value, String origin) {
        var retries = value.trim().matches("\\d{1,2}") ? Integer.parseInt(value.trim()) : -1;
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new ConfigException("retries '" + value + "' (" + origin + ") is not a whole number from 0 to " + MAX_RETRIES
                    + ": write e.g. -Dretries=1");
        }
        return retries;
    }

    private static boolean parseInstallPolicy(String value, String origin) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "auto" -> true;
            case "never" -> false;
            default -> throw new ConfigException("browser.install '" + value + "' (" + origin + ") is not auto or never: write -Dbrowser.install=auto or never");
        };
    }

    /** Reads one setting through the layers, naming its origin when the value is bad. */
    private record SettingReader(ConfigLayers layers, String profileFile) {
        String value(SettingKey key) {
            return layers.find(key.key()).orElse(key.defaultValue());
        }

        Optional<String> optional(SettingKey key) {
            return layers.find(key.key());
        }

        String origin(SettingKey key) {
            return layers.origin(key.key(), profileFile);
        }

        boolean bool(SettingKey key) {
            var value = value(key);
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> throw new ConfigException(key.key() + " '" + value + "' (" + origin(key) + ") is not true or false: write -D" + key.key() + "=true or false");
            };
        }

        Duration duration(SettingKey key) {
            var value = value(key).trim();
            var matcher = DURATION.matcher(value.toLowerCase(Locale.ROOT));
            var millis = matcher.matches()
                    ? Math.round(Double.parseDouble(matcher.group(1)) * ("ms".equals(matcher.group(2)) ? 1 : 1000))
                    : 0;
            if (millis <= 0 || millis > Duration.ofHours(24).toMillis()) {
                throw new ConfigException(key.key() + " '" + value + "' (" + origin(key)
                        + ") is not a duration between 1ms and 24h: write e.g. 30s or 500ms");
            }
            return Duration.ofMillis(millis);
        }
    }
}
