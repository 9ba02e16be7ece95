package dev.stagecheck.browser;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.Settings;
import dev.stagecheck.config.BrowserKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Finds the browser executable: the one named by browser.binary, else the usual names on PATH. */
public final class BrowserLocator {
    private BrowserLocator() {
    }

    /** A browser found on this machine and the version it reports. */
    public record InstalledBrowser(Path binary, String version) {
        public String major() {
            return Commands.major(version);
        }
    }

    public static InstalledBrowser locate(Settings settings) {
        if (settings.browserBinary().isPresent()) {
            var binary = settings.browserBinary().get();
            if (!Files.isExecutable(binary)) {
                throw new ConfigException("browser.binary " + binary + " is not an executable file: fix the path or leave browser.binary unset");
            }
            return describe(binary);
        }
        var found = search(settings.browser());
        if (found.isEmpty() && settings.mayInstallBrowser() && BrowserInstall.possible()) {
            BrowserInstall.run(settings.reportsDir().resolve("browser-install.log"));
            found = search(settings.browser());
        }
        return describe(found.orElseThrow(() -> new ConfigException("no " + settings.browser().key()
                + " browser found on PATH: install it (Debian/Ubuntu: apt-get install " + BrowserInstall.PACKAGES
                + ") or set -Dbrowser.binary=/path/to/chrome")));
    }

    private static Optional<Path> search(BrowserKind kind) {
        var names = kind == BrowserKind.CHROME
                ? List.of("google-chrome", "google-chrome-stable", "chrome", "chromium", "chromium-browser")
                : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome");
        return names.stream().map(Commands::onPath).flatMap(Optional::stream).findFirst();
    }

    private static InstalledBrowser describe(Path binary) {
        var output = Commands.version(binary).orElse("");
        var version = Commands.versionNumber(output);
        if (version.isEmpty()) {
            throw new ConfigException("browser " + binary + " did not say its version (--version failed): check the installation");
        }
        if (!output.toLowerCase(java.util.Locale.ROOT).contains("chrom")) {
            throw new ConfigException("browser " + binary + " is not Chromium or Chrome (it says '" + output.lines().findFirst().orElse("")
                    + "'): point browser.binary at chromium or google-chrome");
        }
        return new InstalledBrowser(binary, version);
    }
}
