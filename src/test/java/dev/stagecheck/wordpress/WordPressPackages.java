package dev.stagecheck.wordpress;

import org.testng.SkipException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian 12's own WordPress stack, installed as the kit installs browsers: with apt-get, only when
 * running as root; anywhere else the real-WordPress self-test skips and says what to install.
 */
final class WordPressPackages {
    static final List<String> PACKAGES = List.of("apache2", "libapache2-mod-php", "php-mysql", "php-xml", "php-mbstring",
            "php-gd", "php-curl", "mariadb-server", "mariadb-client", "wordpress", "wordpress-theme-twentytwentythree");

    private WordPressPackages() {
    }

    /** Installs what is missing, or throws a SkipException naming it. */
    static void ensureInstalled() {
        var missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        var install = "apt-get install -y --no-install-recommends " + String.join(" ", missing);
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            throw new SkipException("a real WordPress needs Debian packages that are not installed: run as root (" + install + ")");
        }
        var command = new ArrayList<>(List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "-q", "--no-install-recommends"));
        command.addAll(missing);
        var result = Shell.run(Duration.ofMinutes(15), command, java.util.Map.of("DEBIAN_FRONTEND", "noninteractive"), null);
        if (!result.ok() || !missing().isEmpty()) {
            // An older package list does not know these versions yet: refresh it once.
            Shell.run(Duration.ofMinutes(10), List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "update", "-q"));
            result = Shell.run(Duration.ofMinutes(15), command, java.util.Map.of("DEBIAN_FRONTEND", "noninteractive"), null);
        }
        if (!missing().isEmpty()) {
            throw new IllegalStateException("cannot install the WordPress stack: " + result.describe());
        }
    }

    private static List<String> missing() {
        var missing = new ArrayList<String>();
        for (var name : PACKAGES) {
            var status = Shell.run(Duration.ofSeconds(30), List.of("dpkg-query", "-W", "-f=${Status}", name));
            if (!status.ok() || !status.output().contains("install ok installed")) {
                missing.add(name);
            }
        }
        return missing;
    }
}
