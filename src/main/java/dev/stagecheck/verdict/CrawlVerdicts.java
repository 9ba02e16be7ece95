package dev.stagecheck.verdict;

import dev.stagecheck.crawl.CrawlResult;
import dev.stagecheck.crawl.PageRecord;
import dev.stagecheck.traffic.Exchange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns what a crawl saw into findings: each page's status, each failed sub-resource, console
 * errors, slow pages, redirect loops, and broken links to other sites. URLs the profile expects to
 * answer 401 (protected areas, APIs) or 403 (forbidden pages) are not findings.
 */
public final class CrawlVerdicts {
    private final Set<String> expected401;
    private final Set<String> expected403;
    private final Duration pageBudget;

    public CrawlVerdicts(Set<String> expected401, Set<String> expected403, Duration pageBudget) {
        this.expected401 = expected401;
        this.expected403 = expected403;
        this.pageBudget = pageBudget;
    }

    public List<Finding> findings(CrawlResult crawl) {
        var findings = new ArrayList<Finding>();
        for (var page : crawl.pages()) {
            pageFinding(page).ifPresent(findings::add);
            for (var resource : page.problemResources()) {
                resourceFinding(resource, page).ifPresent(findings::add);
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
                findings.add(new Finding(FindingKind.BROKEN_LINK, link.url(), link.from(),
                        "external link answered " + (link.status() == 0 ? link.error().orElse("nothing") : link.status())));
            }
        }
        return findings;
    }

    private Optional<Finding> pageFinding(PageRecord page) {
        if (page.refusedForSafety()) {
            return Optional.empty(); // Not a fault of the site: the crawl lists it among the links not visited for safety.
        }
        var status = page.status();
        var error = page.error().orElse("");
        if (status == 401 && !expected401.contains(page.url())) {
            return finding(FindingKind.UNEXPECTED_401, page, "document answered 401" + challengeText(page.challenges()));
        }
        if (status == 403 && !expected403.contains(page.url())) {
            return finding(FindingKind.UNEXPECTED_403, page, "document answered 403 Forbidden");
        }
        if (status == 404 || status == 410) {
            return finding(FindingKind.BROKEN_LINK, page, "document answered " + status);
        }
        if (status >= 500) {
            return finding(FindingKind.SERVER_ERROR, page, "document answered " + status);
        }
        if (error.contains("ERR_TOO_MANY_REDIRECTS")) {
            return finding(FindingKind.REDIRECT_LOOP, page, "the browser gave up after too many redirects (" + error + ")");
        }
        if (status == 0) {
            return finding(FindingKind.BROKEN_PAGE, page, "no answer: " + (error.isEmpty() ? "nothing received" : error));
        }
        return Optional.empty();
    }

    private Optional<Finding> resourceFinding(Exchange resource, PageRecord page) {
        var status = resource.status();
        var what = resource.type() + " answered ";
        if (status == 401 && !expected401.contains(resource.url())) {
            return Optional.of(new Finding(FindingKind.UNEXPECTED_401, resource.url(), page.url(),
                    what + "401" + challengeText(resource.challenges())));
        }
        if (status == 403 && !expected403.contains(resource.url())) {
            return Optional.of(new Finding(FindingKind.UNEXPECTED_403, resource.url(), page.url(), what + "403"));
        }
        if (status == 404 || status == 410) {
            return Optional.of(new Finding(FindingKind.BROKEN_LINK, resource.url(), page.url(), what + status));
        }
        if (status >= 500) {
            return Optional.of(new Finding(FindingKind.SERVER_ERROR, resource.url(), page.url(), what + status));
        }
        if (status == 0 && resource.error().map(e -> e.contains("ERR_TOO_MANY_REDIRECTS")).orElse(false)) {
            return Optional.of(new Finding(FindingKind.REDIRECT_LOOP, resource.url(), page.url(), what + "too many redirects"));
        }
        return Optional.empty();
    }

    private static Optional<Finding> finding(FindingKind kind, PageRecord page, String evidence) {
        return Optional.of(new Finding(kind, page.url(), page.from(), evidence));
    }

    private static String challengeText(List<String> challenges) {
        return challenges.isEmpty() ? " with no WWW-Authenticate challenge" : " (challenge: " + String.join(" | ", challenges) + ")";
    }
}
