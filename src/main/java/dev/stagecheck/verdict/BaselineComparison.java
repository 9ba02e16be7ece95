package dev.stagecheck.verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * This run against the recorded baseline. Regressions fail the run: a page that worked and now
 * does not, a new 401 anywhere, a page the crawl no longer reaches, new console errors or failed
 * sub-resources. Improvements and new pages are reported, not failed.
 */
public record BaselineComparison(List<Finding> regressions, List<String> improvements) {

    public static BaselineComparison compare(Baseline before, Baseline now) {
        // Collected as the findings are, so the same regression seen by both crawls counts once here too.
        var regressions = new Findings();
        var improvements = new ArrayList<String>();
        before.pages().forEach((path, was) -> {
            var is = now.pages().get(path);
            if (is == null) {
                if (was.worked()) {
                    regressions.add(regression(path, "disappeared: was " + was.status() + ", not reached by the crawl any more"));
                }
                return;
            }
            if (is.status() == 401 && was.status() != 401) {
                regressions.add(regression(path, "new 401: was " + was.status() + ", now 401"));
            } else if (was.worked() && !is.worked()) {
                regressions.add(regression(path, "worked (" + was.status() + ") and now answers " + statusText(is.status())));
            } else if (!was.worked() && is.worked()) {
                improvements.add(path + ": fixed, was " + statusText(was.status()) + ", now " + is.status());
            }
            if (is.consoleErrors() > was.consoleErrors()) {
                regressions.add(regression(path, NEW_CONSOLE_ERRORS + was.consoleErrors() + " -> " + is.consoleErrors()));
            } else if (is.consoleErrors() < was.consoleErrors()) {
                improvements.add(path + ": console errors " + was.consoleErrors() + " -> " + is.consoleErrors());
            }
            compareFailed(path, was, is, regressions, improvements);
        });
        now.pages().keySet().stream().filter(path -> !before.pages().containsKey(path))
                .forEach(path -> improvements.add(path + ": new page (" + statusText(now.pages().get(path).status()) + ")"));
        return new BaselineComparison(regressions.all(), improvements);
    }

    /**
     * Each sub-resource that fails now and did not (or failed otherwise) is a regression naming it,
     * with its old and new status; against a baseline of an older kit, which only counted them,
     * a higher count is, naming what fails now.
     */
    private static void compareFailed(String path, Baseline.Entry was, Baseline.Entry is, Findings regressions, List<String> improvements) {
        if (!was.namesFailures()) {
            if (is.failedResources() > was.failedResources()) {
                regressions.add(regression(path, "more failed sub-resources: " + was.failedResources() + " -> " + is.failedResources()
                        + ", failing now: " + describe(is.failed()) + " (the baseline is from an older kit and does not name them:"
                        + " record it again with -Dbaseline.update=true)"));
            } else if (is.failedResources() < was.failedResources()) {
                improvements.add(path + ": failed sub-resources " + was.failedResources() + " -> " + is.failedResources());
            }
            return;
        }
        var before = new java.util.LinkedHashMap<String, Baseline.FailedResource>();
        was.failed().forEach(resource -> before.putIfAbsent(resource.key(), resource));
        var after = new java.util.LinkedHashMap<String, Baseline.FailedResource>();
        is.failed().forEach(resource -> after.putIfAbsent(resource.key(), resource));
        after.forEach((key, resource) -> {
            var old = before.get(key);
            if (old == null) {
                regressions.add(regression(path, SUB_RESOURCE + resource.url() + " failed: was loading fine, now "
                        + statusText(resource.status())));
            } else if (old.status() != resource.status()) {
                regressions.add(regression(path, SUB_RESOURCE + resource.url() + " answers otherwise: was "
                        + statusText(old.status()) + ", now " + statusText(resource.status())));
            }
        });
        before.forEach((key, resource) -> {
            if (!after.containsKey(key)) {
                improvements.add(path + ": sub-resource " + resource.url() + " loads again (was " + statusText(resource.status()) + ")");
            }
        });
    }

    private static String describe(List<Baseline.FailedResource> failed) {
        return failed.isEmpty() ? "(none)" : String.join(", ", failed.stream().map(r -> r.url() + " " + statusText(r.status())).toList());
    }

    private static Finding regression(String path, String evidence) {
        var space = path.indexOf(' ');
        var crawl = space < 0 ? "" : path.substring(0, space);
        var page = space < 0 ? path : path.substring(space + 1);
        return new Finding(FindingKind.REGRESSION, page, "baseline, " + crawl + " crawl", evidence);
    }

    /** What a regression is about: a sub-resource it names, else its page; and whether it counts console errors. */
    record Subject(String url, boolean consoleErrors) {}

    private static final String SUB_RESOURCE = "sub-resource ";
    private static final String NEW_CONSOLE_ERRORS = "new console errors: ";

    static Subject subject(Finding regression) {
        var evidence = regression.evidence();
        if (evidence.startsWith(SUB_RESOURCE)) {
            var end = evidence.indexOf(' ', SUB_RESOURCE.length());
            return new Subject(evidence.substring(SUB_RESOURCE.length(), end < 0 ? evidence.length() : end), false);
        }
        return new Subject(regression.url(), evidence.startsWith(NEW_CONSOLE_ERRORS));
    }

    private static String statusText(int status) {
        return status == 0 ? "nothing (load failed)" : Integer.toString(status);
    }

    /** "Comparison with the baseline: 2 regression(s), 1 improvement(s)": the console's line; the regressions are findings. */
    public String headline() {
        return "Comparison with the baseline: " + regressions.size() + " regression(s), " + improvements.size() + " improvement(s)";
    }

    public String report() {
        var text = new StringBuilder(headline() + "\n");
        regressions.forEach(finding -> text.append("  REGRESSION  ").append(finding.url()).append(" (").append(finding.from())
                .append("): ").append(finding.evidence()).append('\n'));
        improvements.forEach(line -> text.append("  improved    ").append(line).append('\n'));
        return text.toString();
    }
}
