package dev.stagecheck.selftest;

import dev.stagecheck.crawl.CrawlResult;
import dev.stagecheck.crawl.PageRecord;
import dev.stagecheck.traffic.ConsoleEntry;
import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.verdict.Baseline;
import dev.stagecheck.verdict.BaselineComparison;
import dev.stagecheck.verdict.Finding;
import dev.stagecheck.verdict.FindingKind;
import org.testng.annotations.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/** The baseline file round-trips, and the comparison tells regressions from improvements. */
public class BaselineTest {
    private static final URI BASE = URI.create("http://127.0.0.1:4000");

    @Test(description = "a baseline written and read back is the same, with paths relative to the site")
    public void writtenBaselineReadsBackTheSame() throws IOException {
        var baseline = Baseline.of(List.of(crawl("visitor", page("/", 200, 0, 0), page("/docs/faq", 200, 1, 0), page("/alpha", 200, 0, 1))), BASE);
        var file = Files.createTempDirectory("baseline-").resolve("baseline/demo-chromium.tsv");
        baseline.write(file);
        var text = Files.readString(file);
        assertTrue(text.contains("visitor /docs/faq\t200\t1\t0\t"), "one tab-separated line per page with its path relative to the site:\n" + text);
        assertTrue(text.contains("\t404:/img0.png"), "the failed sub-resources named with their status:\n" + text);
        assertEquals(Baseline.read(file).orElseThrow(), baseline, "the baseline should read back unchanged");
        assertEquals(Baseline.read(file.resolveSibling("none.tsv")), Optional.empty(), "no file: no baseline");
    }

    @Test(description = "regressions: a page that broke, a new 401, a page that disappeared, new console errors and failed sub-resources")
    public void regressionsAreFound() {
        var before = Baseline.of(List.of(crawl("visitor",
                page("/", 200, 0, 0), page("/press", 200, 0, 0), page("/faq", 200, 0, 0), page("/gone", 200, 0, 0),
                page("/gamma", 200, 0, 0), page("/alpha", 200, 0, 0))), BASE);
        var now = Baseline.of(List.of(crawl("visitor",
                page("/", 200, 0, 0), page("/press", 401, 0, 0), page("/faq", 500, 0, 0),
                page("/gamma", 200, 2, 0), page("/alpha", 200, 0, 1))), BASE);
        var comparison = BaselineComparison.compare(before, now);
        var evidence = comparison.regressions().stream().map(f -> f.url() + " " + f.evidence()).toList();
        assertEquals(comparison.regressions().size(), 5, "five regressions expected: " + evidence);
        assertTrue(comparison.regressions().stream().allMatch(f -> f.kind() == FindingKind.REGRESSION), "all of kind Regression");
        assertHas(evidence, "/press new 401");
        assertHas(evidence, "/faq worked (200) and now answers 500");
        assertHas(evidence, "/gone disappeared");
        assertHas(evidence, "/gamma new console errors: 0 -> 2");
        assertHas(evidence, "/alpha sub-resource /img0.png failed: was loading fine, now 404");
        assertTrue(comparison.improvements().isEmpty(), "nothing improved: " + comparison.improvements());
    }

    @Test(description = "a failed sub-resource is compared by URL: the regression names it with its old and new status, a cache-busting query changes nothing")
    public void failedSubResourcesAreNamed() {
        var before = Baseline.of(List.of(crawl("visitor", page("/", 200, 0, 0, failed("/a.js?v=1", 404)))), BASE);
        var same = Baseline.of(List.of(crawl("visitor", page("/", 200, 0, 0, failed("/a.js?v=2", 404)))), BASE);
        assertEquals(BaselineComparison.compare(before, same).regressions(), List.<Finding>of(), "the same failure under another cache buster");
        var other = Baseline.of(List.of(crawl("visitor", page("/", 200, 0, 0, failed("/b.css", 500)))), BASE);
        var comparison = BaselineComparison.compare(before, other);
        var evidence = comparison.regressions().stream().map(f -> f.url() + " " + f.evidence()).toList();
        assertEquals(evidence, List.of("/ sub-resource /b.css failed: was loading fine, now 500"), "one regression naming the URL");
        assertTrue(comparison.improvements().contains("visitor /: sub-resource /a.js?v=1 loads again (was 404)"), comparison.improvements().toString());
    }

    @Test(description = "a baseline file of an older kit (counts only) is still read, and a higher count names what fails now")
    public void olderBaselineFileIsStillRead() throws IOException {
        var file = Files.createTempDirectory("baseline-").resolve("old.tsv");
        Files.writeString(file, "# stagecheck baseline: path\tstatus\tconsole_errors\tfailed_subresources\ttitle\n"
                + "visitor /\t200\t0\t1\tHome\n");
        var old = Baseline.read(file).orElseThrow();
        var now = Baseline.of(List.of(crawl("visitor", page("/", 200, 0, 0, failed("/a.js", 404), failed("/b.css", 500)))), BASE);
        var evidence = BaselineComparison.compare(old, now).regressions().stream().map(Finding::evidence).toList();
        assertEquals(evidence.size(), 1, evidence.toString());
        assertTrue(evidence.get(0).contains("1 -> 2, failing now: /a.js 404, /b.css 500") && evidence.get(0).contains("-Dbaseline.update=true"), evidence.get(0));
    }

    @Test(description = "improvements and new pages are reported, not failed")
    public void improvementsAreReportedNotFailed() {
        var before = Baseline.of(List.of(crawl("visitor", page("/", 200, 3, 1), page("/broken", 404, 0, 0))), BASE);
        var now = Baseline.of(List.of(crawl("visitor", page("/", 200, 0, 0), page("/broken", 200, 0, 0), page("/new", 200, 0, 0))), BASE);
        var comparison = BaselineComparison.compare(before, now);
        assertEquals(comparison.regressions(), List.<Finding>of(), "no regression expected");
        assertEquals(comparison.improvements().size(), 4, "fixed page, fewer console errors, fewer failed resources, new page: "
                + comparison.improvements());
        assertTrue(comparison.report().contains("0 regression(s), 4 improvement(s)"), comparison.report());
    }

    private static void assertHas(List<String> evidence, String fragment) {
        assertTrue(evidence.stream().anyMatch(line -> line.contains(fragment)), "expected a regression containing '" + fragment + "' in " + evidence);
    }

    private static CrawlResult crawl(String label, PageRecord... pages) {
        return new CrawlResult(label, List.of(pages), List.of(), Optional.empty(), 10, new dev.stagecheck.safety.RefusedLinks(), 0);
    }

    private static Exchange failed(String path, int status) {
        return new Exchange("GET", BASE + path, status, "Script", false, BASE + "/", List.of(), Optional.empty());
    }

    private static PageRecord page(String path, int status, int consoleErrors, int failedResources, Exchange... failed) {
        var record = page(path, status, consoleErrors, failedResources);
        return failed.length == 0 ? record : new PageRecord(record.url(), "", 0, status, Optional.empty(), List.of(), record.title(), 100, 5,
                List.of(failed), record.consoleErrors(), 0);
    }

    private static PageRecord page(String path, int status, int consoleErrors, int failedResources) {
        var console = java.util.stream.IntStream.range(0, consoleErrors)
                .mapToObj(i -> new ConsoleEntry("error", "boom " + i, BASE + path)).toList();
        var failed = java.util.stream.IntStream.range(0, failedResources)
                .mapToObj(i -> new Exchange("GET", BASE + "/img" + i + ".png", 404, "Image", false, BASE + path, List.of(), Optional.empty()))
                .toList();
        return new PageRecord(BASE + path, "", 0, status, Optional.empty(), List.of(), "Title " + path, 100, 5, failed, console, 0);
    }
}
