package dev.stagecheck.selftest;

import org.openqa.selenium.json.Json;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.testng.Assert.assertTrue;
import static org.testng.Assert.fail;

/**
 * An interrupted run, for real: the checklist against the demo in a child JVM, signalled once its
 * browsers are up, as Ctrl-C or a cancelled CI build does. Within 5 s no process of that run may be
 * left (the process table is read: the child, all below it, and any browser carrying its temp
 * folder wherever it was re-parented), its browser profiles must be gone and every Allure result
 * file it wrote must be whole JSON. Once to the JVM itself (SIGINT, SIGTERM), once to a stand-in
 * for Maven that starts the JVM as Surefire does and, signalled, ends without telling it.
 */
public class InterruptedRunTest {
    static final Duration GONE_WITHIN = Duration.ofSeconds(5);
    private static final String CHECKLIST = """
            <!DOCTYPE suite SYSTEM "https://testng.org/testng-1.0.dtd">
            <suite name="stagecheck checklist" parallel="classes" thread-count="2">
              <test name="checklist">
                <classes>
                  <class name="dev.stagecheck.checklist.NavigationTest"/>
                  <class name="dev.stagecheck.checklist.SearchTest"/>
                  <class name="dev.stagecheck.checklist.CrawlTest"/>
                  <class name="dev.stagecheck.checklist.LoginTest"/>
                  <class name="dev.stagecheck.checklist.ContactFormTest"/>
                </classes>
              </test>
            </suite>
            """;

    @Test(description = "SIGINT (Ctrl-C) to the checklist's JVM: every browser and driver gone within 5 s, profiles deleted, results whole")
    public void ctrlCEndsEveryBrowserOfTheRun() {
        interrupt("interrupted-int", false, "INT");
    }

    @Test(description = "SIGTERM (a CI cancel) to the checklist's JVM: the same")
    public void sigtermEndsEveryBrowserOfTheRun() {
        interrupt("interrupted-term", false, "TERM");
    }

    @Test(description = "SIGINT to Maven, which ends without telling its Surefire fork: the fork still ends its browsers within 5 s")
    public void ctrlCToMavenEndsTheForksBrowsers() {
        interrupt("interrupted-mvn", true, "INT");
    }

    private static void interrupt(String name, boolean throughMaven, String signal) {
        try (var run = ChildRun.start(name, CHECKLIST, throughMaven)) {
            assertTrue(ChildRun.within(Duration.ofSeconds(90), () -> !run.browsers().isEmpty() || !run.process.isAlive()) && run.process.isAlive(),
                    "the child run started no browser within 90 s" + run.output());
            // Results written so far must survive the interrupt: wait (bounded) until there are some.
            ChildRun.within(Duration.ofSeconds(20), () -> !resultFiles(run.results).isEmpty() || !run.process.isAlive());
            assertTrue(run.process.isAlive(), "the child run ended before it was interrupted" + run.output());
            var before = run.processes();
            var profiles = profiles(run.tmp);
            ChildRun.signal(run.process.toHandle(), signal);
            var signalled = System.nanoTime();
            var allGone = ChildRun.within(GONE_WITHIN, () -> before.stream().noneMatch(ChildRun::running) && run.carryingTmp().isEmpty());
            var millis = (System.nanoTime() - signalled) / 1_000_000;
            var left = before.stream().filter(ChildRun::running).collect(Collectors.toSet());
            left.addAll(run.carryingTmp());
            if (!allGone || !left.isEmpty()) {
                fail(left.size() + " process(es) of the run still there " + millis + " ms after SIGINT/SIGTERM ("
                        + before.size() + " before):\n" + left.stream().map(InterruptedRunTest::describe).collect(Collectors.joining("\n"))
                        + run.output());
            }
            // The profile folders go last, after their browsers: a bounded wait, not a pause.
            ChildRun.within(Duration.ofSeconds(1), () -> profiles(run.tmp).isEmpty());
            assertTrue(profiles(run.tmp).isEmpty(), "browser profile folders left behind (" + profiles.size() + " before): "
                    + profiles(run.tmp) + run.output());
            var broken = resultFiles(run.results).stream().filter(file -> !wholeJson(file)).toList();
            assertTrue(broken.isEmpty(), "Allure result files cut short: " + broken + run.output());
            org.slf4j.LoggerFactory.getLogger(InterruptedRunTest.class).info("{}: {} processes gone {} ms after SIG{}, {} result files whole",
                    name, before.size(), millis, signal, resultFiles(run.results).size());
        }
    }

    private static List<Path> profiles(Path tmp) {
        try (var files = Files.list(tmp)) {
            return files.filter(file -> file.getFileName().toString().startsWith("stagecheck-")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<Path> resultFiles(Path results) {
        if (!Files.isDirectory(results)) {
            return List.of();
        }
        try (var files = Files.list(results)) {
            return files.filter(file -> file.getFileName().toString().endsWith("-result.json")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static boolean wholeJson(Path file) {
        try {
            new Json().toType(Files.readString(file, StandardCharsets.UTF_8), Object.class);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String describe(ProcessHandle process) {
        var info = process.info();
        var line = info.commandLine().orElse(info.command().orElse("? (its command line is not readable)"));
        return "  pid " + process.pid() + " (parent " + process.parent().map(ProcessHandle::pid).map(String::valueOf).orElse("?") + "): "
                + (line.length() > 160 ? line.substring(0, 160) + "..." : line);
    }
}
