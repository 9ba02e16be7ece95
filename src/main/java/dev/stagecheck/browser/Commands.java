package dev.stagecheck.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Small helpers for the executables the kit looks for: finding them on PATH and asking their version. */
public final class Commands {
    private Commands() {
    }

    /** The executable of that name in the first PATH directory that has one. */
    public static Optional<Path> onPath(String name) {
        var path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (var dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            var candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code executable --version} and returns its standard output, or empty on any trouble. */
    static Optional<String> version(Path executable) {
        try {
            var process = new ProcessBuilder(List.of(executable.toString(), "--version"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** "Chromium 156.0.8078.73 built on Debian" -> "156.0.8078.73". */
    static String versionNumber(String versionOutput) {
        var matcher = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)+)").matcher(versionOutput);
        return matcher.find() ? matcher.group(1) : "";
    }

    static String major(String version) {
        var dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
