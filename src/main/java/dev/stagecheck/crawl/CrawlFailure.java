package dev.stagecheck.crawl;

/**
 * The error that ended a crawl early: where (the page being visited) and why, in one line.
 *
 * @param url    the page the crawl was visiting
 * @param reason what went wrong and what was left, e.g. "after 12 pages, 30 still queued: ..."
 */
public record CrawlFailure(String url, String reason) {

    public String line() {
        return "the crawl stopped on " + url + " " + reason;
    }
}
