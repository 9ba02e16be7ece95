package dev.stagecheck.verdict;

import dev.stagecheck.crawl.CrawlResult;
import dev.stagecheck.crawl.PageRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a crawl saw into findings: each page's answer and each of its sub-resources' (as the
 * {@link ResponseRule} judges them), console errors, slow pages and slow requests, and broken links
 * to other sites.
 */
public final class CrawlVerdicts {
    /** Every kind a crawl looks for on every page it reaches (what an accept line of these kinds can be checked against). */
    public static final List<FindingKind> KINDS = List.of(FindingKind.UNEXPECTED_401, FindingKind.UNEXPECTED_403,
            FindingKind.BROKEN_LINK, FindingKind.SERVER_ERROR, FindingKind.CONSOLE_ERROR, FindingKind.SLOW_PAGE,
            FindingKind.SLOW_REQUEST, FindingKind.REDIRECT_LOOP, FindingKind.REDIRECT_WITHOUT_LOCATION, FindingKind.BROKEN_PAGE,
            FindingKind.DIALOG, FindingKind.PAGE_HUNG, FindingKind.CRASHED_TAB, FindingKind.CRAWL_TRAP, FindingKind.RATE_LIMITED);

    private final ResponseRule rule;
    private final Duration pageBudget;

    public CrawlVerdicts(ResponseRule rule, Duration pageBudget) {
        this.rule = rule;
        this.pageBudget = pageBudget;
    }

    public List<Finding> findings(CrawlResult crawl) {
        var findings = new ArrayList<Finding>();
        var linkedFrom = new java.util.HashMap<String, String>();
        crawl.pages().forEach(page -> linkedFrom.putIfAbsent(page.url(), page.from()));
        for (var page : crawl.pages()) {
            if (page.broke()) {
                findings.add(broke(page));
            } else {
                rule.page(page).ifPresent(findings::add);
            }
            for (var resource : page.problemResources()) {
                rule.resource(resource, page.url()).ifPresent(findings::add);
            }
            for (var entry : page.consoleErrors()) {
                findings.add(new Finding(FindingKind.CONSOLE_ERROR, page.url(), page.from(), "[" + entry.level() + "] " + entry.text()));
            }
            // A load stopped at the page timeout is a hung page or names what held it (a late request), not a slow page too.
            var stopped = page.broke() || page.error().filter(e -> e.startsWith(PageRecord.LOAD_STOPPED)).isPresent();
            if (page.loaded() && !stopped && page.millis() > pageBudget.toMillis()) {
                findings.add(new Finding(FindingKind.SLOW_PAGE, page.url(), page.from(),
                        "took " + page.millis() + " ms, budget crawl.page.budget=" + pageBudget.toMillis() + " ms"));
            }
            for (var request : page.lateRequests()) {
                slowRequest(request, page.url()).ifPresent(findings::add);
            }
            for (var dialog : page.dialogs()) {
                findings.add(dialog(dialog, page, linkedFrom));
            }
        }
        for (var trap : crawl.traps()) {
            findings.add(new Finding(FindingKind.CRAWL_TRAP, trap.pattern(), trap.from(), (trap.crawled() + trap.skipped())
                    + " links to the same path that differ only by numbers in the query (first " + trap.example() + "): the first "
                    + trap.crawled() + " were crawled, " + trap.skipped() + " more not; if they are real pages (a long pagination), accept this finding"));
        }
        crawl.failure().ifPresent(failure -> findings.add(new Finding(FindingKind.CRAWL_STOPPED, failure.url(), "",
                "the " + crawl.label() + " crawl stopped here " + failure.reason() + "; its other findings are what it saw until then")));
        for (var link : crawl.externalLinks()) {
            if (link.broken()) {
                findings.add(new Finding(FindingKind.BROKEN_LINK, link.url(), link.from(), link.status() == 0
                        ? "external link: " + link.error().orElse("no answer") : "external link answered " + link.status()));
            }
        }
        return findings;
    }

    /** A page that hung its tab or crashed it: one line, what happened and that the crawl went on. */
    private static Finding broke(PageRecord page) {
        var error = page.error().orElseThrow();
        var crashed = error.startsWith(PageRecord.CRASHED);
        var detail = error.substring((crashed ? PageRecord.CRASHED : PageRecord.HUNG).length());
        return new Finding(crashed ? FindingKind.CRASHED_TAB : FindingKind.PAGE_HUNG, page.url(), page.from(),
                detail + "; the crawl went on with the next page");
    }

    /**
     * A dialog, charged to the document that opened it: a beforeunload question comes as the crawl
     * leaves a page, and a timer's alert may come after the crawl moved on; either is that page's,
     * not the next one's.
     */
    private static Finding dialog(dev.stagecheck.traffic.Dialog dialog, PageRecord page, java.util.Map<String, String> linkedFrom) {
        var where = dialog.page().isEmpty() ? page.url() : dialog.page();
        return new Finding(FindingKind.DIALOG, where, where.equals(page.url()) ? page.from() : linkedFrom.getOrDefault(where, ""),
                dialog.describe());
    }

    /**
     * A request the page still ran after its load, longer than the page budget: named itself, with
     * the page that made it, so the time is charged to neither this page's load nor the next page's.
     */
    private Optional<Finding> slowRequest(PageRecord.LateRequest request, String page) {
        if (request.millis() <= pageBudget.toMillis()) {
            return Optional.empty();
        }
        var took = request.stillRunning()
                ? "was still running after " + request.millis() + " ms when the crawl stopped waiting for it"
                : "took " + request.millis() + " ms";
        return Optional.of(new Finding(FindingKind.SLOW_REQUEST, request.url(), page,
                request.type() + " request " + took + ", after the page itself had loaded; budget crawl.page.budget="
                        + pageBudget.toMillis() + " ms: make it answer faster"));
    }
}
