package dev.stagecheck.selftest;

import dev.stagecheck.Preflight;
import dev.stagecheck.log.InternalErrors;
import dev.stagecheck.url.SafeUrl;
import org.slf4j.LoggerFactory;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The kit's console and log file (logback.xml), each case in a child JVM as a user's run starts:
 * every kit line keeps the {@code stagecheck: } prefix, progress on stdout and problems on stderr;
 * debug lines reach the console only with {@code -Dstagecheck.log=debug} but the log file always;
 * an internal error is one console line and its stack trace is in {@code <reports.dir>/stagecheck.log},
 * with no secret in either. No browser: a small main of its own ({@link Probe}) and the preflight's
 * quick failure on an unreachable site.
 */
public class LoggingTest {
    private static final String PREFIX = "stagecheck: ";
    private static final String PASSWORD = "probe-pass-5f3a";
    private static final String TOKEN = "probe-token-9c1e";
    private static final String API_KEY = "probe-key-77d2";

    private Path scratch;

    @BeforeClass
    public void createScratch() throws IOException {
        var target = ProjectFiles.projectDir().resolve("target");
        Files.createDirectories(target);
        scratch = Files.createTempDirectory(target, "selftest-logging-");
    }

    @AfterClass(alwaysRun = true)
    public void removeScratch() throws IOException {
        ProjectFiles.deleteRecursively(scratch);
    }

    /** Logs one line at each level, one for a third-party library, and reports an internal error. */
    public static final class Probe {
        static final String PROGRESS = "probe progress line";
        static final String PROBLEM = "probe problem line";
        static final String DETAIL = "probe debug detail";
        static final String LIBRARY_WARNING = "probe library warning";
        static final String LIBRARY_INFO = "probe library chatter";

        public static void main(String[] args) {
            var log = LoggerFactory.getLogger(Probe.class);
            log.info(PROGRESS);
            log.warn(PROBLEM);
            log.debug(DETAIL);
            var library = LoggerFactory.getLogger("org.example.library");
            library.info(LIBRARY_INFO);
            library.warn(LIBRARY_WARNING);
            try {
                failDeepInside();
            } catch (RuntimeException e) {
                InternalErrors.report("the logging probe", e, InternalErrors.urlsThrough(SafeUrl::of));
            }
        }

        private static void failDeepInside() {
            var cause = new IOException("no answer from https://staging.example.invalid/b?api_key=" + API_KEY);
            throw new IllegalStateException("cannot read https://qa:" + PASSWORD + "@staging.example.invalid/a?token=" + TOKEN, cause);
        }
    }

    @Test(description = "default level: prefixed lines on their streams, no debug on the console, an internal error in one line")
    public void theConsoleShowsProgressProblemsAndOneLinePerInternalError() {
        var reports = scratch.resolve("default");
        var run = probe(reports).run();
        var why = run.describe();
        assertEquals(run.exitCode(), 0, "the probe should end normally:" + why);

        assertEquals(lines(run.stdout()), List.of(PREFIX + Probe.PROGRESS), "stdout should hold the progress line only:" + why);
        var err = lines(run.stderr());
        assertEquals(err.size(), 3, "stderr: the problem, the library's warning, the internal error:" + why);
        assertEquals(err.get(0), PREFIX + Probe.PROBLEM, why);
        assertTrue(err.get(1).contains("WARN org.example.library - " + Probe.LIBRARY_WARNING) && !err.get(1).startsWith(PREFIX),
                "a library's warning keeps its logger's name and is not passed off as the kit's:" + why);
        var logFile = reports.resolve("stagecheck.log");
        assertEquals(err.get(2), PREFIX + "internal error in the logging probe: IllegalStateException: cannot read "
                        + "https://staging.example.invalid/a?token=*** (stack trace in " + logFile + ")",
                "the internal error's one line, its URL made safe:" + why);
        assertFalse(run.stdout().contains("\tat ") || run.stderr().contains("\tat "), "no stack trace on the console:" + why);

        var file = read(logFile);
        for (var expected : List.of(Probe.PROGRESS, Probe.PROBLEM, Probe.DETAIL, Probe.LIBRARY_WARNING,
                "java.lang.IllegalStateException: cannot read https://staging.example.invalid/a?token=***",
                "\tat dev.stagecheck.selftest.LoggingTest$Probe.failDeepInside",
                "Caused by: java.io.IOException: no answer from https://staging.example.invalid/b?api_key=***")) {
            assertTrue(file.contains(expected), "'" + expected + "' missing from " + logFile + ":\n" + file + why);
        }
        assertFalse(file.contains(Probe.LIBRARY_INFO), "a library's info line is not the kit's business:\n" + file);
        assertNoSecrets(run.stdout() + run.stderr() + file, why + "\n  log file:\n" + file);
    }

    @Test(description = "-Dstagecheck.log=debug adds the debug lines to stdout, prefixed; stderr is unchanged")
    public void debugLinesReachTheConsoleOnlyWhenAskedFor() {
        var run = probe(scratch.resolve("debug")).property("stagecheck.log", "debug").run();
        var why = run.describe();
        assertEquals(lines(run.stdout()), List.of(PREFIX + Probe.PROGRESS, PREFIX + Probe.DETAIL), "stdout at debug:" + why);
        assertEquals(lines(run.stderr()).size(), 3, "stderr at debug:" + why);
        assertNoSecrets(run.stdout() + run.stderr(), why);
    }

    @Test(description = "the preflight's steps show at debug, its bad-input contract holds at either level, and its log file has them")
    public void thePreflightSaysWhatItDoesAtDebug() {
        var step = PREFIX + "preflight: asking http://127.0.0.1:9 whether it answers";
        for (var debug : List.of(false, true)) {
            var reports = scratch.resolve(debug ? "preflight-debug" : "preflight");
            var preflight = JavaProcess.of(Preflight.class.getName())
                    .workDir(ProjectFiles.projectDir())
                    .timeout(Duration.ofSeconds(60))
                    .removeEnv(name -> name.startsWith("STAGECHECK_"))
                    .property("browser.install", "never")
                    .property("base.url", "http://127.0.0.1:9")
                    .property("timeout.http", "5s")
                    .property("reports.dir", reports.toString())
                    .property("allure.results.directory", reports.resolve("allure-results").toString());
            if (debug) {
                preflight.property("stagecheck.log", "debug");
            }
            var run = preflight.run();
            var why = run.describe();
            assertEquals(run.exitCode(), 2, "an unreachable site is bad input:" + why);
            assertEquals(run.stderrLines().size(), 1, "one error line on stderr at either level:" + why);
            assertTrue(run.stderrLines().get(0).startsWith(PREFIX + "ERROR: "), why);
            var out = lines(run.stdout());
            assertTrue(out.stream().allMatch(line -> line.startsWith(PREFIX)), "every stdout line is prefixed:" + why);
            assertEquals(out.stream().anyMatch(line -> line.startsWith(step)), debug,
                    (debug ? "the step should show at debug" : "no debug line without -Dstagecheck.log=debug") + ":" + why);
            var file = read(reports.resolve("stagecheck.log"));
            assertTrue(file.contains(step.substring(PREFIX.length())), "the log file has the steps at either level:\n" + file);
            assertTrue(file.contains("ERROR [main] dev.stagecheck.Preflight - ERROR: "), "and the error line:\n" + file);
        }
    }

    private JavaProcess probe(Path reports) {
        return JavaProcess.of(Probe.class.getName())
                .timeout(Duration.ofSeconds(60))
                .removeEnv(name -> name.startsWith("STAGECHECK_"))
                .property("reports.dir", reports.toString());
    }

    private static List<String> lines(String output) {
        return output.lines().filter(line -> !line.isBlank()).toList();
    }

    private static void assertNoSecrets(String output, String why) {
        for (var secret : List.of(PASSWORD, TOKEN, API_KEY)) {
            assertFalse(output.contains(secret), "a secret of the probe's was printed or logged:" + why.replace(secret, "***"));
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("no log file " + file + " (logback.xml's FILE appender)", e);
        }
    }
}
