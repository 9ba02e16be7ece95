package dev.stagecheck.crawl;

import dev.stagecheck.safety.RefusedLinks;

import java.util.List;
import java.util.Optional;

/**
 * A finished crawl: every page visited in order, the external links checked, and why it stopped
 * early if it did (page, depth or time limit, or an error: then {@code failure} says which, and
 * every page seen before it is still here), and the crawl traps it stopped following.
 *
 * @param failure the error that ended the crawl, in one line naming the page it happened on
 * @param traps   URL spaces of near-duplicates (same path, only numbers in the query change) cut short
 */
public record CrawlResult(String label, List<PageRecord> pages, List<ExternalLink> externalLinks,
                          Optional<String> stoppedEarly, long millis, RefusedLinks refused, int probeRequests,
                          Optional<CrawlFailure> failure, List<CrawlTrap> traps) {

    public CrawlResult {
        traps = List.copyOf(traps);
    }

    /** A crawl that ended without an error and met no trap. */
    public CrawlResult(String label, List<PageRecord> pages, List<ExternalLink> externalLinks,
                       Optional<String> stoppedEarly, long millis, RefusedLinks refused, int probeRequests) {
        this(label, pages, externalLinks, stoppedEarly, millis, refused, probeRequests, Optional.empty(), List.of());
    }

    /** Why the crawl stopped when its browser died under it (the machine's fault, not the site's). */
    public Optional<String> browserDied() {
        return stoppedEarly.filter(reason -> reason.startsWith(Crawler.BROWSER_DIED));
    }

    /** A fixed-width table of the pages, for the report. */
    public String table() {
        var text = new StringBuilder("Crawl " + label + ": " + pages.size() + " pages in " + millis + " ms"
                + stoppedEarly.map(reason -> " (stopped early: " + reason + ")").orElse("")
                + (probeRequests > 0 ? ", " + probeRequests + " HTTP probe requests" : "")
                + (refused.size() > 0 ? ", " + refused.size() + " links not visited for safety" : "") + "\n");
        text.append(String.format("%-6s %-6s %-5s %-9s %-6s %-60s %s%n", "status", "ms", "depth", "resources", "errors", "url", "title"));
        for (var page : pages) {
            text.append(String.format("%-6s %-6d %-5d %-9s %-6d %-60s %s%n",
                    page.status() == 0 ? "ERR" : Integer.toString(page.status()), page.millis(), page.depth(),
                    page.resourceCount() + (page.problemResources().isEmpty() ? "" : "/" + page.problemResources().size() + "!"),
                    page.consoleErrors().size(), page.url(), page.title()));
        }
        if (!externalLinks.isEmpty()) {
            text.append("External links:\n");
            externalLinks.forEach(link -> text.append(String.format("%-6s %s (from %s)%n",
                    link.status() == 0 ? "ERR" : Integer.toString(link.status()), link.url(), link.from())));
        }
        return text.toString();
    }
}
