package dev.stagecheck.verdict;

import dev.stagecheck.crawl.CrawlResult;
import dev.stagecheck.crawl.PageRecord;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What each crawled page looked like on a good day, one line per page in a tab-separated text file
 * that reads well in a diff and in review: path, status, console errors, failed sub-resources,
 * title, and which sub-resources failed with what status. Paths are relative to the site, so a
 * baseline taken on one port or host still applies. A file of an older kit (no list of failed
 * sub-resources) is still read; its counts are compared as before.
 */
public record Baseline(Map<String, Entry> pages) {

    /** A sub-resource that failed: its URL (relative to the site when it is the site's) and status (0: no answer). */
    public record FailedResource(String url, int status) {
        /**
         * What stays the same from run to run: the URL without its query, so a cache-busting or
         * per-visit query (?v=123, ?cb=...) is the same resource on every run.
         */
        public String key() {
            var query = url.indexOf('?');
            return query < 0 ? url : url.substring(0, query);
        }

        String cell() {
            return status + ":" + url;
        }
    }

    /** @param failed the failed sub-resources by URL; empty in a file of an older kit even when {@code failedResources > 0} */
    public record Entry(String path, int status, int consoleErrors, int failedResources, String title, List<FailedResource> failed) {
        public Entry {
            failed = List.copyOf(failed);
        }

        public boolean worked() {
            return status >= 200 && status < 400;
        }

        /** True when the line names every failed sub-resource (a file of this kit), not just their count. */
        public boolean namesFailures() {
            return failed.size() == failedResources;
        }

        String line() {
            return path + "\t" + status + "\t" + consoleErrors + "\t" + failedResources + "\t" + title.replaceAll("[\\t\\r\\n]+", " ")
                    + "\t" + String.join(" ", failed.stream().map(FailedResource::cell).toList());
        }
    }

    private static final String HEADER = "# stagecheck baseline: path\tstatus\tconsole_errors\tfailed_subresources\ttitle"
            + "\tfailed_list (status:url ...)";

    /** Pages of all crawls of a run, keyed by "label path" (anonymous and member crawls kept apart). */
    public static Baseline of(List<CrawlResult> crawls, URI base) {
        var pages = new TreeMap<String, Entry>();
        for (var crawl : crawls) {
            for (PageRecord page : crawl.pages()) {
                var path = crawl.label() + " " + relative(page.url(), base);
                var failed = page.problemResources().stream()
                        .map(resource -> new FailedResource(relative(resource.url(), base), resource.status())).toList();
                pages.put(path, new Entry(path, page.status(), page.consoleErrors().size(), failed.size(), page.title(), failed));
            }
        }
        return new Baseline(pages);
    }

    public static Optional<Baseline> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        var pages = new TreeMap<String, Entry>();
        for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            var cells = line.split("\t", 6);
            if (cells.length < 4) {
                throw new IOException(file + ": line '" + line + "' does not have path, status, console errors, failed sub-resources");
            }
            try {
                pages.put(cells[0], new Entry(cells[0], Integer.parseInt(cells[1]), Integer.parseInt(cells[2]),
                        Integer.parseInt(cells[3]), cells.length > 4 ? cells[4] : "", cells.length > 5 ? failed(cells[5]) : List.of()));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": line '" + line + "' has a non-number where a count belongs");
            }
        }
        return Optional.of(new Baseline(pages));
    }

    private static List<FailedResource> failed(String cell) throws NumberFormatException {
        var failed = new ArrayList<FailedResource>();
        for (var item : cell.trim().split(" ")) {
            var colon = item.indexOf(':');
            if (colon > 0) {
                failed.add(new FailedResource(item.substring(colon + 1), Integer.parseInt(item.substring(0, colon))));
            }
        }
        return failed;
    }

    public void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        var lines = new ArrayList<String>();
        lines.add(HEADER);
        pages.values().forEach(entry -> lines.add(entry.line()));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** The file of a profile and browser: reports/baseline/demo-chromium.tsv. */
    public static Path file(Path reportsDir, Path profile, String browser) {
        var name = profile.getFileName().toString().replaceFirst("\\.properties$", "");
        return reportsDir.resolve("baseline").resolve(name + "-" + browser + ".tsv");
    }

    static String relative(String url, URI base) {
        var prefix = base.toString();
        return url.startsWith(prefix) ? (url.length() == prefix.length() ? "/" : url.substring(prefix.length())) : url;
    }
}
