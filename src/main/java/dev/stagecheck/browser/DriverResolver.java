package dev.stagecheck.browser;

import dev.stagecheck.config.OneLine;
import dev.stagecheck.browser.BrowserLocator.InstalledBrowser;
import dev.stagecheck.config.ConfigException;
import io.github.bonigarcia.wdm.WebDriverManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a chromedriver for the installed browser, in an order that works offline: the path the
 * user gave, then a chromedriver of the same major version on PATH, then WebDriverManager (which
 * needs the internet or its cache), then Selenium Manager. The winning step is reported once.
 */
public final class DriverResolver {
    private static final Logger log = LoggerFactory.getLogger(DriverResolver.class);

    private DriverResolver() {
    }

    /** The driver to start; an empty executable means "let Selenium Manager find one". */
    public record DriverChoice(Optional<Path> executable, String source, String version) {
        public String describe() {
            return "chromedriver " + (version.isEmpty() ? "" : version + " ") + "from " + source
                    + executable.map(path -> " (" + path + ")").orElse("");
        }
    }

    public static DriverChoice resolve(Optional<Path> explicitPath, InstalledBrowser browser) {
        if (explicitPath.isPresent()) {
            var path = explicitPath.get();
            if (!Files.isExecutable(path)) {
                throw new ConfigException("driver.path " + path + " is not an executable file: fix it or leave driver.path unset");
            }
            return new DriverChoice(Optional.of(path), "driver.path", versionOf(path));
        }
        var tried = new ArrayList<String>();
        var onPath = Commands.onPath("chromedriver");
        if (onPath.isPresent()) {
            var version = versionOf(onPath.get());
            if (Commands.major(version).equals(browser.major())) {
                return new DriverChoice(onPath, "PATH", version);
            }
            log.debug("chromedriver {} on PATH ({}) does not drive {} {}", version, onPath.get(), browser.binary(), browser.version());
            tried.add("PATH has chromedriver " + version + ", not " + browser.major());
        } else {
            tried.add("no chromedriver on PATH");
        }
        log.debug("asking WebDriverManager for a chromedriver {} ({})", browser.major(), String.join("; ", tried));
        var fromManager = webDriverManager(browser, tried);
        if (fromManager.isPresent()) {
            return fromManager.get();
        }
        log.info("{}; leaving it to Selenium Manager", String.join("; ", tried));
        return new DriverChoice(Optional.empty(), "Selenium Manager", "");
    }

    private static Optional<DriverChoice> webDriverManager(InstalledBrowser browser, List<String> tried) {
        try {
            var manager = WebDriverManager.chromedriver().browserVersion(browser.major());
            manager.setup();
            var path = manager.getDownloadedDriverPath();
            if (path != null && Files.isExecutable(Path.of(path))) {
                return Optional.of(new DriverChoice(Optional.of(Path.of(path)), "WebDriverManager", versionOf(Path.of(path))));
            }
            tried.add("WebDriverManager found nothing");
        } catch (RuntimeException e) {
            tried.add("WebDriverManager failed (" + OneLine.of(e.getMessage()) + ")");
        }
        return Optional.empty();
    }

    private static String versionOf(Path driver) {
        return Commands.version(driver).map(Commands::versionNumber).orElse("");
    }

}
