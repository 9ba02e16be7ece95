package dev.stagecheck.crawl;

import dev.stagecheck.traffic.ConsoleEntry;
import dev.stagecheck.traffic.Exchange;

import java.util.List;
import java.util.Optional;

/**
 * What the crawl learned about one page. Only the sub-resources that went wrong are kept (plus a
 * count of all), so a crawl of thousands of pages stays small in memory.
 *
 * @param from             the page whose link led here ("" for a start URL)
 * @param status           the document's final status, 0 when the load failed (see error)
 * @param problemResources sub-resources that answered 4xx/5xx or failed
 * @param consoleErrors    console errors and uncaught exceptions while the page loaded (not the browser's
 *                         "Failed to load resource" notes, which repeat a problem sub-resource)
 */
public record PageRecord(String url, String from, int depth, int status, Optional<String> error, List<String> challenges,
                         String title, long millis, int resourceCount, List<Exchange> problemResources,
                         List<ConsoleEntry> consoleErrors) {

    public boolean loaded() {
        return status >= 200 && status < 400;
    }
}
