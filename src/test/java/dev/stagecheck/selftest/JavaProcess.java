package dev.stagecheck.selftest;

import dev.stagecheck.config.SettingKey;
import dev.stagecheck.report.AllureResults;

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
 *
 * <p>Every child writes into a folder of its own under target/: unless the caller names them,
 * {@code allure.results.directory} and {@code reports.dir} point into a new scratch folder
 * (and a TestNG child without {@code -d} writes its report there too), and the child is marked
 * {@code -Dstagecheck.selftest=true}, so the kit refuses to empty a results folder nobody named.
 * A child that would write outside target/ fails the self-test before it starts.
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
    private boolean namedOutputs = true;

    private JavaProcess(String mainClass) {
        this.mainClass = mainClass;
        this.environment = new LinkedHashMap<>(System.getenv());
        JVM_OPTION_VARIABLES.forEach(environment::remove);
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
     * Entries are made absolute: a child may run in another working directory.
     */
    static String testClasspath() {
        var surefire = System.getProperty("surefire.test.class.path");
        var classpath = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return java.util.Arrays.stream(classpath.split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
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

    /**
     * Leaves {@code allure.results.directory} and {@code reports.dir} unset, so the child finds them as
     * a user's run does (allure.properties, the default reports/), relative to its working directory.
     * Only for a test of that lookup: the working directory must then be a scratch folder under target/.
     */
    JavaProcess outputsUnnamed() {
        this.namedOutputs = false;
        return this;
    }

    /** The child's output folders: the caller's, else a new scratch folder's; checked to lie under target/. */
    private void ownOutputs() {
        properties.put(AllureResults.SELF_TEST_KEY, "true");
        if (!namedOutputs) {
            ScratchFolders.requireUnderTarget("the working directory", workDir, workDir);
            return;
        }
        var reportsDir = SettingKey.REPORTS_DIR.key();
        var testng = mainClass.equals("org.testng.TestNG") && !args.contains("-d");
        if (!properties.containsKey(AllureResults.DIRECTORY_KEY) || !properties.containsKey(reportsDir) || testng) {
            var scratch = ScratchFolders.newFolder("child-" + mainClass.substring(mainClass.lastIndexOf('.') + 1).replace('$', '-') + "-");
            properties.putIfAbsent(AllureResults.DIRECTORY_KEY, scratch.resolve("allure-results").toString());
            properties.putIfAbsent(reportsDir, scratch.toString());
            if (testng) {
                args.addAll(0, List.of("-d", scratch.resolve("testng").toString()));
            }
        }
        ScratchFolders.requireUnderTarget("-D" + AllureResults.DIRECTORY_KEY, workDir, Path.of(properties.get(AllureResults.DIRECTORY_KEY)));
        ScratchFolders.requireUnderTarget("-D" + reportsDir, workDir, Path.of(properties.get(reportsDir)));
    }

    /** Starts the child, waits for it (killing it after the timeout) and returns what it did. */
    Result run() {
        ownOutputs();
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
