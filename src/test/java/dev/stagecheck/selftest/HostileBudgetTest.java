package dev.stagecheck.selftest;

import dev.stagecheck.demo.HostilePages;
import org.testng.annotations.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/**
 * The budget of a bad day: the whole checklist ({@code suites/checklist.xml}) against the demo with
 * every hostile page on, in a child JVM whose heap is capped at 256 MiB. It must end within 4
 * minutes, without running out of memory, with every case's finding in the crawl's table, and with
 * no test ended by anything but an assertion (a finding): never a raw WebDriver or DevTools error.
 */
public class HostileBudgetTest {
    private static final Duration BUDGET = Duration.ofMinutes(4);
    private static final String HEAP = "-Xmx256m";

    /** Kind and path of the finding each case must give, as the crawl's table prints them. */
    private static final List<List<String>> EXPECTED = List.of(
            List.of("Dialog", "/hostile/alert"), List.of("Dialog", "/hostile/confirm"), List.of("Dialog", "/hostile/prompt"),
            List.of("Dialog", "/hostile/beforeunload"), List.of("Broken link", HostilePages.POPUP_TARGET),
            List.of("Unexpected 401", HostilePages.XHR_401_TARGET), List.of("Unexpected 401", HostilePages.FRAME_401_TARGET),
            List.of("Page hung", "/hostile/hang-script"), List.of("Page crashed the tab", "/hostile/out-of-memory"),
            List.of("Slow request", "/hostile/slow-image.png"), List.of("Slow page", "/hostile/slow-page"),
            List.of("Possible crawl trap", "/hostile/listing?page=N"), List.of("Possible crawl trap", "/hostile/huge/item?n=N"),
            List.of("Redirect loop", "/hostile/loop/a"), List.of("Broken page", "/hostile/moved-to-nowhere"),
            List.of("Rate limited", "/hostile/always-busy"), List.of("Broken page", "/hostile/flood/banner.svg"),
            List.of("Broken page", "/hostile/flood/offers"), List.of("Unexpected 401", "/hostile/intranet/wiki"),
            List.of("Broken page", "/hostile/story"), List.of("Broken page", "/hostile/noise"));

    @Test(description = "the checklist with every hostile page on: within 4 minutes, heap capped at 256 MiB, every case reported, no raw error")
    public void checklistWithEveryHostilePageFitsTheBudget() throws IOException {
        var suite = Files.readString(ProjectFiles.projectDir().resolve("suites/checklist.xml"), StandardCharsets.UTF_8);
        var started = System.nanoTime();
        try (var run = ChildRun.start("hostile-budget", suite, false, List.of(HEAP, "-Ddemo.hostile=true"))) {
            var ended = ChildRun.within(BUDGET.plusSeconds(30), () -> !run.process.isAlive());
            var seconds = (System.nanoTime() - started) / 1_000_000_000;
            assertTrue(ended, "the run had not ended after " + seconds + " s" + run.output());
            var output = Files.readString(run.stdout, StandardCharsets.UTF_8)
                    + (Files.exists(run.log) ? Files.readString(run.log, StandardCharsets.UTF_8) : "");
            assertFalse(output.contains("OutOfMemoryError"), "the run kept within " + HEAP + run.output());
            assertTrue(seconds <= BUDGET.toSeconds(), "the run took " + seconds + " s, over " + BUDGET.toSeconds() + " s" + run.output());

            for (var row : EXPECTED) {
                var line = Pattern.compile("(?m)^" + Pattern.quote(row.get(0)) + " +http://[^/\\s]+" + Pattern.quote(row.get(1)) + " ");
                assertTrue(line.matcher(output).find(), "the crawl reports " + row.get(0) + " " + row.get(1) + run.output());
            }
            assertTrue(output.contains("depth limit crawl.max.depth="), "the endless calendar ends at the depth limit, and says so" + run.output());

            var results = TestNgResults.read(run.folder.resolve("testng/testng-results.xml"));
            var methods = results.byTest().values().stream().flatMap(List::stream).filter(m -> !m.config()).toList();
            assertFalse(methods.isEmpty(), "the run recorded its tests" + run.output());
            for (var method : methods) {
                assertTrue(method.is("PASS") || method.is("FAIL") && method.exception().endsWith("AssertionError")
                                || method.is("FAIL") && method.exception().endsWith("FindingsError"),
                        method.name() + " ended " + method.status() + " by " + method.exception() + ", not by a finding: " + method.message());
            }
            for (var name : List.of("NavigationTest", "LoginTest", "DeviceLayoutTest", "SearchTest")) {
                methods.stream().filter(m -> m.name().startsWith(name + ".")).forEach(m ->
                        assertEquals(m.status(), "PASS", m.name() + " passes with the hostile section on: " + m.message()));
            }
        }
    }
}
