package dev.stagecheck.wordpress;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one command of the WordPress stack (apt-get, mysqld, apache2, php) and says what it did. */
final class Shell {
    record Result(List<String> command, int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }

        /** The command and its last lines, for a one-line failure. */
        String describe() {
            var lines = output.strip().lines().toList();
            // PHP names the cause on its "Fatal error" line, above the stack it prints.
            var fatal = lines.stream().filter(line -> line.contains("Fatal error")).findFirst();
            if (fatal.isPresent()) {
                return String.join(" ", command) + " exited " + exitCode + ": " + fatal.get().strip();
            }
            var tail = lines.subList(Math.max(0, lines.size() - 5), lines.size());
            return String.join(" ", command) + " exited " + exitCode + (tail.isEmpty() ? "" : ": " + String.join(" | ", tail));
        }
    }

    private Shell() {
    }

    static Result run(Duration timeout, List<String> command) {
        return run(timeout, command, Map.of(), null);
    }

    /** Runs the command with extra environment variables and, when given, this text on its standard input. */
    static Result run(Duration timeout, List<String> command, Map<String, String> env, String input) {
        File log = null;
        try {
            log = File.createTempFile("wordpress-shell-", ".log");
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
            builder.environment().putAll(env);
            if (input == null) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            }
            var process = builder.start();
            if (input != null) {
                try (var stdin = process.getOutputStream()) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Result(command, -1, "did not end within " + timeout.toSeconds() + " s\n" + Files.readString(log.toPath()));
            }
            return new Result(command, process.exitValue(), Files.readString(log.toPath(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(command, -1, "cannot run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(command, -1, "interrupted");
        } finally {
            if (log != null) {
                log.delete();
            }
        }
    }

    /** Runs the command and fails with one line when it does not succeed. */
    static String check(Duration timeout, List<String> command, String what) {
        var result = run(timeout, command);
        if (!result.ok()) {
            throw new IllegalStateException("cannot " + what + ": " + result.describe());
        }
        return result.output();
    }
}
