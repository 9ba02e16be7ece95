package dev.stagecheck.crawl;

/**
 * A URL space of near-duplicates the crawl stopped following: one path whose links differ only by
 * numbers in the query ({@code ?page=1}, {@code ?page=2}, ... or a counter, a timestamp), which a
 * crawl would otherwise follow until its page budget is gone.
 *
 * @param pattern the URL with every number of its query as {@code N}, e.g. {@code /listing?page=N}
 * @param example the first such URL the crawl met
 * @param from    the page that linked to the first one skipped
 * @param crawled how many of them were crawled
 * @param skipped how many more were found and not crawled
 */
public record CrawlTrap(String pattern, String example, String from, int crawled, int skipped) {}
