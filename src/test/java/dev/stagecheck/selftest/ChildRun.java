package dev.stagecheck.selftest;

import dev.stagecheck.config.SettingKey;
import dev.stagecheck.report.AllureResults;
import dev.stagecheck.report.Webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A checklist run in a child JVM that a self-test watches and disturbs while it runs (signals it,
 * kills its browser), as a user's machine would. Everything it writes (Allure results, the kit's
 * log, the browsers' temporary profiles: its java.io.tmpdir) lies in one scratch folder, so what
 * the run left behind can be told from other runs on the same machine.
 *
 * <p>The child starts with SIGINT and SIGTERM at their default handling ({@code env --default-signal}):
 * a JVM started from a background job inherits SIGINT ignored and would never see a Ctrl-C.
 */
final class ChildRun implements AutoCloseable {
    final Path folder;
    final Path tmp;
    final Path results;
    final Path log;
    final Path stdout;
    final Process process;

    private ChildRun(Path folder, Process process) {
        this.folder = folder;
        this.tmp = folder.resolve("tmp");
        this.results = folder.resolve("allure-results");
        this.log = folder.resolve("stagecheck.log");
        this.stdout = folder.resolve("child.out");
        this.process = process;
    }

    /**
     * Starts TestNG on {@code suiteXml} in a child JVM; with {@code throughLauncher}, through a stand-in
     * for Maven ({@link MavenStandIn}), which starts that JVM through /bin/sh as Surefire does.
     */
    static ChildRun start(String name, String suiteXml, boolean throughLauncher) {
        return start(name, suiteXml, throughLauncher, List.of());
    }

    /** Like {@link #start(String, String, boolean)}, the child JVM started with {@code jvmOptions} too (-Xmx, -D). */
    static ChildRun start(String name, String suiteXml, boolean throughLauncher, List<String> jvmOptions) {
        var folder = ScratchFolders.newFolder(name + "-");
        try {
            Files.createDirectories(folder.resolve("tmp"));
            var suite = folder.resolve("suite.xml");
            Files.writeString(suite, suiteXml, StandardCharsets.UTF_8);
            var java = new ArrayList<>(List.of(JavaProcess.javaExecutable().toString(), "-cp", JavaProcess.testClasspath(),
                    "-javaagent:" + JavaProcess.aspectjWeaver(),
                    "-Djava.io.tmpdir=" + folder.resolve("tmp"),
                    "-D" + AllureResults.DIRECTORY_KEY + "=" + folder.resolve("allure-results"),
                    "-D" + AllureResults.SELF_TEST_KEY + "=true",
                    "-D" + SettingKey.REPORTS_DIR.key() + "=" + folder,
                    "-D" + SettingKey.WEBHOOK_URL.key() + "=" + Webhook.OFF));
            java.addAll(jvmOptions);
            java.addAll(List.of("org.testng.TestNG", "-d", folder.resolve("testng").toString(), suite.toString()));
            var command = new ArrayList<>(List.of("env", "--default-signal=INT,TERM"));
            if (throughLauncher) {
                command.addAll(List.of(JavaProcess.javaExecutable().toString(), "-cp", JavaProcess.testClasspath(), MavenStandIn.class.getName()));
            }
            command.addAll(java);
            var builder = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("child.out").toFile());
            List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS").forEach(builder.environment()::remove);
            return new ChildRun(folder, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the child run in " + folder, e);
        }
    }

    /** Waits for a condition, at most {@code bound}; true when it held. */
    static boolean within(Duration bound, BooleanSupplier condition) {
        return dev.stagecheck.time.Deadline.after(bound).poll(condition);
    }

    /** The child's own JVM: the launched JVM's child when a stand-in for Maven started it. */
    Optional<ProcessHandle> checklistJvm() {
        return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                .filter(handle -> handle.info().arguments().map(args -> List.of(args).contains("org.testng.TestNG")).orElse(false))
                .findFirst();
    }

    /** Every live process whose command line names the child's temp folder: its browsers, wherever they were re-parented. */
    Set<ProcessHandle> carryingTmp() {
        try (var all = ProcessHandle.allProcesses()) {
            return all.filter(handle -> handle.info().arguments().map(args -> String.join(" ", args).contains(tmp.toString())).orElse(false))
                    .collect(Collectors.toSet());
        }
    }

    /** The Chromium main processes of the run: a browser whose parent is a driver, not another Chromium. */
    List<ProcessHandle> browsers() {
        return carryingTmp().stream()
                .filter(handle -> handle.info().arguments().map(args -> Stream.of(args).noneMatch(arg -> arg.startsWith("--type="))).orElse(false))
                .toList();
    }

    /** The run's processes now: the child, all below it, and every one carrying its temp folder. */
    Set<ProcessHandle> processes() {
        var all = new java.util.HashSet<ProcessHandle>();
        all.add(process.toHandle());
        process.toHandle().descendants().forEach(all::add);
        all.addAll(carryingTmp());
        return all;
    }

    /**
     * True while a process runs: alive and not a zombie. A zombie has ended and holds nothing but its
     * exit status, which only its parent collects: an orphan's waits for PID 1, which here may reap late.
     */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            var stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            var state = stat.substring(stat.lastIndexOf(')') + 2).charAt(0);
            return state != 'Z' && state != 'X';
        } catch (IOException | RuntimeException e) {
            return process.isAlive();
        }
    }

    /** What the child printed and logged, for assertion messages. */
    String output() {
        return "\n--- child output (" + stdout + "):\n" + tail(stdout, 60) + "\n--- kit log (" + log + "), last lines:\n" + tail(log, 30);
    }

    String logText() {
        return read(log);
    }

    private static String tail(Path file, int lines) {
        var all = read(file).lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Sends a signal by name (INT, TERM, KILL) to one process. */
    static void signal(ProcessHandle target, String name) {
        try {
            var kill = new ProcessBuilder("kill", "-" + name, Long.toString(target.pid())).inheritIO().start();
            if (!kill.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill -" + name + " " + target.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Whatever is still there once the test is over is killed: a failing self-test must not leave browsers running. */
    @Override
    public void close() {
        var left = processes();
        left.forEach(ProcessHandle::destroyForcibly);
    }
}
