package dev.stagecheck.browser;

import dev.stagecheck.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs a browser and its driver (Chromium; WebKit) from the OS packages when none is found, as
 * {@code playwright install --with-deps} would, but only where we may: as root, with apt-get,
 * and with browser.install=auto. Elsewhere it says what to install.
 */
final class BrowserInstall {
    private static final Logger log = LoggerFactory.getLogger(BrowserInstall.class);
    static final String PACKAGES = "chromium chromium-driver";

    private BrowserInstall() {
    }

    static boolean possible() {
        return Commands.runningAsRoot() && Commands.onPath("apt-get").isPresent();
    }

    static void run(Path logFile) {
        run("Chromium", PACKAGES, logFile);
    }

    /** Installs {@code packages} (space-separated) for the browser {@code what}; one apt-get update per JVM. */
    static synchronized void run(String what, String packages, Path logFile) {
        log.info("no {} found; installing {} with apt-get (once, about a minute; log: {})", what, packages, logFile);
        try {
            Files.createDirectories(logFile.getParent());
            if (!updated) {
                step(List.of("apt-get", "update", "-q"), logFile);
                updated = true;
            }
            var command = new java.util.ArrayList<>(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends"));
            command.addAll(List.of(packages.split(" ")));
            step(command, logFile);
        } catch (IOException e) {
            throw new ConfigException("installing " + what + " failed (" + e.getMessage() + "): run 'apt-get install "
                    + packages + "' yourself");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("installing " + what + " was interrupted: run 'apt-get install " + packages + "' yourself");
        }
    }

    private static boolean updated;

    private static void step(List<String> command, Path logFile) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        var process = builder.start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " took longer than 15 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ", see " + logFile);
        }
    }
}
