package dev.stagecheck.verdict;

import dev.stagecheck.crawl.CrawlResult;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a crawl saw into findings: each page's answer and each of its sub-resources' (as the
 * {@link ResponseRule} judges them), console errors, slow pages, and broken links to other sites.
 */
public final class CrawlVerdicts {
    private final ResponseRule rule;
    private final Duration pageBudget;

    public CrawlVerdicts(ResponseRule rule, Duration pageBudget) {
        this.rule = rule;
        this.pageBudget = pageBudget;
    }

    public List<Finding> findings(CrawlResult crawl) {
        var findings = new ArrayList<Finding>();
        for (var page : crawl.pages()) {
            rule.page(page).ifPresent(findings::add);
            for (var resource : page.problemResources()) {
                rule.resource(resource, page.url()).ifPresent(findings::add);
            }
            for (var entry : page.consoleErrors()) {
                findings.add(new Finding(FindingKind.CONSOLE_ERROR, page.url(), page.from(), "[" + entry.level() + "] " + entry.text()));
            }
            if (page.loaded() && page.millis() > pageBudget.toMillis()) {
                findings.add(new Finding(FindingKind.SLOW_PAGE, page.url(), page.from(),
                        "took " + page.millis() + " ms, budget crawl.page.budget=" + pageBudget.toMillis() + " ms"));
            }
        }
        for (var link : crawl.externalLinks()) {
            if (link.broken()) {
                findings.add(new Finding(FindingKind.BROKEN_LINK, link.url(), link.from(), link.status() == 0
                        ? "external link: " + link.error().orElse("no answer") : "external link answered " + link.status()));
            }
        }
        return findings;
    }
}
