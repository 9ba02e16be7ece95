package dev.stagecheck.selftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs a main class in a child JVM of the same Java installation, with the test classpath, and
 * captures its exit status, standard output and standard error separately.
 *
 * <p>The child starts from this JVM's environment minus the variables that change how a JVM
 * behaves or what it prints ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS},
 * {@code _JAVA_OPTIONS}: the launcher announces them on stderr). Callers remove or add more.
 * {@code java} is always started by its absolute path, so the child's PATH may be anything.
 * The child gets this JVM's {@code reports.dir} unless the caller names its own.
 */
final class JavaProcess {

    /** What the child did. */
    record Result(List<String> command, Path workDir, int exitCode, String stdout, String stderr) {

        /** The non-blank lines of standard error. */
        List<String> stderrLines() {
            return stderr.lines().filter(line -> !line.isBlank()).toList();
        }

        /** Everything about the run, for assertion messages. */
        String describe() {
            return "\n  command: " + String.join(" ", command)
                    + "\n  in: " + workDir
                    + "\n  exit: " + exitCode
                    + "\n  stdout:\n" + indent(stdout)
                    + "\n  stderr:\n" + indent(stderr);
        }

        private static String indent(String text) {
            return text.isEmpty() ? "    (empty)" : text.lines().map(line -> "    | " + line).reduce((a, b) -> a + "\n" + b).orElse("");
        }
    }

    private static final List<String> JVM_OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private final String mainClass;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private final Map<String, String> environment;
    private Path workDir = Path.of(System.getProperty("user.dir"));
    private Duration timeout = Duration.ofSeconds(60);

    private JavaProcess(String mainClass) {
        this.mainClass = mainClass;
        this.environment = new LinkedHashMap<>(System.getenv());
        JVM_OPTION_VARIABLES.forEach(environment::remove);
        // The child's own outputs (its stagecheck.log among them) go where this JVM's go, never into
        // the user's reports/ (Failsafe gives the self-tests target/selftest-reports); callers may name another.
        var reportsDir = System.getProperty("reports.dir");
        if (reportsDir != null && !reportsDir.isBlank()) {
            properties.put("reports.dir", reportsDir);
        }
    }

    static JavaProcess of(String mainClass) {
        return new JavaProcess(mainClass);
    }

    /** The JVM running this test: {@code <java.home>/bin/java}. */
    static Path javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * The full test classpath. Surefire and Failsafe may start the test JVM with a manifest-only
     * booter jar as {@code java.class.path}; they put the real one in {@code surefire.test.class.path}.
     */
    static String testClasspath() {
        var surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    /** Allure's @Step needs the AspectJ weaver as a Java agent, as Surefire gives it to `mvn test`. */
    static String aspectjWeaver() {
        for (var entry : testClasspath().split(java.io.File.pathSeparator)) {
            if (entry.contains("aspectjweaver")) {
                return entry;
            }
        }
        throw new AssertionError("aspectjweaver is not on the test classpath: check the pom's dependencies");
    }

    JavaProcess property(String key, String value) {
        properties.put(key, value);
        return this;
    }

    /** A JVM option such as {@code -javaagent:...}, placed before the main class. */
    JavaProcess jvmArg(String option) {
        jvmArgs.add(option);
        return this;
    }

    /** Arguments for the main class. */
    JavaProcess args(String... values) {
        args.addAll(List.of(values));
        return this;
    }

    JavaProcess env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    JavaProcess removeEnv(Predicate<String> name) {
        environment.keySet().removeIf(name);
        return this;
    }

    JavaProcess workDir(Path dir) {
        this.workDir = dir;
        return this;
    }

    JavaProcess timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Starts the child, waits for it (killing it after the timeout) and returns what it did. */
    Result run() {
        var command = new ArrayList<String>();
        command.add(javaExecutable().toString());
        command.add("-cp");
        command.add(testClasspath());
        command.addAll(jvmArgs);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(mainClass);
        command.addAll(args);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("java-process-", ".out");
            err = Files.createTempFile("java-process-", ".err");
            var builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            var process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("child JVM did not end within " + timeout.toSeconds() + " s:"
                        + new Result(shorten(command), workDir, -1, read(out), read(err)).describe());
            }
            return new Result(shorten(command), workDir, process.exitValue(), read(out), read(err));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + String.join(" ", shorten(command)), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the child JVM", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** The command as shown in messages: the (long) classpath abbreviated. */
    private static List<String> shorten(List<String> command) {
        var shown = new ArrayList<>(command);
        var cp = shown.indexOf("-cp");
        if (cp >= 0 && cp + 1 < shown.size()) {
            shown.set(cp + 1, "<test classpath>");
        }
        return shown;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
