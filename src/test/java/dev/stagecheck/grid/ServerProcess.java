package dev.stagecheck.grid;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One server the local Grid needs (hub, node, WebKitWebDriver), started with its standard output
 * and error in a log file, and stopped with everything it started: a Grid node starts
 * chromedriver, which starts Chromium, and none of them may outlive the test.
 */
final class ServerProcess {
    private static final Pattern ERROR_LINE = Pattern.compile("Exception|Error|SEVERE|FATAL");
    private static final List<String> JVM_OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");
    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ServerProcess start(String name, List<String> command, Map<String, String> env, Path log) {
        try {
            Files.createDirectories(log.getParent());
            var builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // The test JVM's agent options (JAVA_TOOL_OPTIONS ...) must not reach the Grid's JVMs.
            builder.environment().keySet().removeAll(JVM_OPTION_VARIABLES);
            builder.environment().putAll(env);
            return new ServerProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** For a message: how it ended and what it said about it. */
    String describeExit() {
        return "the " + name + " exited with code " + process.exitValue() + " (" + telling() + "; log " + log + ")";
    }

    /**
     * The log line that best says what went wrong: the first exception or error line (a Java stack
     * trace ends in "... 17 more", which says nothing), else the last line.
     */
    String telling() {
        try {
            var lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
            return lines.stream().filter(line -> !line.startsWith("at ") && ERROR_LINE.matcher(line).find()).findFirst()
                    .or(() -> lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1)))
                    .orElse("nothing logged");
        } catch (IOException e) {
            return "no log";
        }
    }

    /** Stops the process and all its descendants: politely, then by force after five seconds. */
    void stop() {
        var tree = new ArrayList<ProcessHandle>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (var handle : tree) {
            var left = deadline - System.nanoTime();
            try {
                handle.onExit().get(Math.max(left, 0), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // still running: forced below
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
