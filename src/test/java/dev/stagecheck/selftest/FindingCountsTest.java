package dev.stagecheck.selftest;

import dev.stagecheck.report.Categories;
import dev.stagecheck.verdict.Baseline;
import dev.stagecheck.verdict.BaselineComparison;
import dev.stagecheck.verdict.Finding;
import dev.stagecheck.verdict.FindingKind;
import dev.stagecheck.verdict.Findings;
import org.testng.annotations.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/** Counts agree everywhere, and a failure that only counts its findings is still filed under each kind. */
public class FindingCountsTest {

    @Test(description = "the failure counts the findings by kind, points to the table, and carries every finding's line")
    public void theFailureMessageCountsAndTheLinesTravelWithIt() {
        var findings = new Findings();
        findings.add(new Finding(FindingKind.UNEXPECTED_401, "http://x/press", "http://x/", "document answered 401"));
        findings.add(new Finding(FindingKind.BROKEN_LINK, "http://x/old", "http://x/faq", "document answered 404"));
        findings.add(new Finding(FindingKind.BROKEN_LINK, "http://x/older", "http://x/faq", "document answered 404"));
        findings.add(new Finding(FindingKind.BROKEN_LINK, "http://x/older", "http://x/other", "document answered 404"));
        var failure = findings.failure("The crawl");
        assertEquals(failure.getMessage(), "The crawl found 3 problems (Unexpected 401: 1, Broken link: 2):"
                + " see the table above or the report's Findings attachment");
        assertEquals(failure.lines().size(), findings.size());
        assertTrue(failure.lines().get(0).startsWith("Unexpected 401: http://x/press"), failure.lines().toString());
        assertEquals(failure.getStackTrace().length, 0, "a verdict, no stack trace");
        for (var kind : FindingKind.all()) {
            var filed = Pattern.matches(Categories.messageRegex(kind), failure.getMessage());
            assertEquals(filed, kind == FindingKind.UNEXPECTED_401 || kind == FindingKind.BROKEN_LINK,
                    "Allure's category " + kind + " should file the failure exactly when it has such findings");
        }
    }

    @Test(description = "a regression both crawls see counts once in the comparison, as in the findings")
    public void theComparisonCountsRegressionsAsTheFindingsDo() {
        var before = new Baseline(Map.of(
                "visitor /docs/faq", new Baseline.Entry("/docs/faq", 200, 0, 0, "FAQ", List.of()),
                "member /docs/faq", new Baseline.Entry("/docs/faq", 200, 0, 0, "FAQ", List.of())));
        var now = new Baseline(Map.of(
                "visitor /docs/faq", new Baseline.Entry("/docs/faq", 404, 0, 0, "Not found", List.of()),
                "member /docs/faq", new Baseline.Entry("/docs/faq", 404, 0, 0, "Not found", List.of())));
        var comparison = BaselineComparison.compare(before, now);
        var findings = new Findings();
        findings.addAll(comparison.regressions());
        assertEquals(comparison.regressions().size(), findings.size());
        assertEquals(comparison.headline(), "Comparison with the baseline: 1 regression(s), 0 improvement(s)");
        assertFalse(comparison.report().isBlank());
    }
}
