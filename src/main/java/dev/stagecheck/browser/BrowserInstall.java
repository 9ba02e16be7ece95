package dev.stagecheck.browser;

import dev.stagecheck.config.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs Chromium and its driver from the OS packages when none is found, as
 * {@code playwright install --with-deps} would, but only where we may: as root, with apt-get,
 * and with browser.install=auto. Elsewhere it says what to install.
 */
final class BrowserInstall {
    static final String PACKAGES = "chromium chromium-driver";

    private BrowserInstall() {
    }

    static boolean possible() {
        return Commands.runningAsRoot() && Commands.onPath("apt-get").isPresent();
    }

    static void run(Path log) {
        System.out.println("stagecheck: no Chromium found; installing " + PACKAGES
                + " with apt-get (once, about a minute; log: " + log + ")");
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
            step(List.of("apt-get", "update", "-q"), log);
            step(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends", "chromium", "chromium-driver"), log);
        } catch (IOException e) {
            throw new ConfigException("installing Chromium failed (" + e.getMessage() + "): run 'apt-get install "
                    + PACKAGES + "' yourself, or set -Dbrowser.binary=/path/to/chrome");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("installing Chromium was interrupted: run 'apt-get install " + PACKAGES + "' yourself");
        }
    }

    private static void step(List<String> command, Path log) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        var process = builder.start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " took longer than 15 minutes");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ", see " + log);
        }
    }
}
