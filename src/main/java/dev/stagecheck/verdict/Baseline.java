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
 * title. Paths are relative to the site, so a baseline taken on one port or host still applies.
 */
public record Baseline(Map<String, Entry> pages) {

    public record Entry(String path, int status, int consoleErrors, int failedResources, String title) {
        public boolean worked() {
            return status >= 200 && status < 400;
        }

        String line() {
            return path + "\t" + status + "\t" + consoleErrors + "\t" + failedResources + "\t" + title.replaceAll("[\\t\\r\\n]+", " ");
        }
    }

    private static final String HEADER = "# stagecheck baseline: path\tstatus\tconsole_errors\tfailed_subresources\ttitle";

    /** Pages of all crawls of a run, keyed by "label path" (anonymous and member crawls kept apart). */
    public static Baseline of(List<CrawlResult> crawls, URI base) {
        var pages = new TreeMap<String, Entry>();
        for (var crawl : crawls) {
            for (PageRecord page : crawl.pages()) {
                var path = crawl.label() + " " + relative(page.url(), base);
                pages.put(path, new Entry(path, page.status(), page.consoleErrors().size(), page.problemResources().size(), page.title()));
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
            var cells = line.split("\t", 5);
            if (cells.length < 4) {
                throw new IOException(file + ": line '" + line + "' does not have path, status, console errors, failed sub-resources");
            }
            try {
                pages.put(cells[0], new Entry(cells[0], Integer.parseInt(cells[1]), Integer.parseInt(cells[2]),
                        Integer.parseInt(cells[3]), cells.length > 4 ? cells[4] : ""));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": line '" + line + "' has a non-number where a count belongs");
            }
        }
        return Optional.of(new Baseline(pages));
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
