package dev.stagecheck.report;

import dev.stagecheck.url.SafeUrl;
import dev.stagecheck.verdict.FindingKind;
import org.openqa.selenium.json.Json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failure notice says about a run: suites, counts, which tests failed (first line of each),
 * the unexpected 401s and regressions the failures named, where it ran and where the report is.
 * Short by design (a chat message, not the report) and safe by construction: every URL in it is
 * passed through {@link SafeUrl}.
 */
public record RunSummary(
        List<String> suites,
        int passed,
        int failed,
        int skipped,
        int setupFailures,
        List<String> failures,
        List<String> new401s,
        List<String> regressions,
        String browser,
        String device,
        String site,
        String report) {

    /** More lines than this make a notice nobody reads; the report has them all. */
    static final int MAX_LINES = 20;
    static final int MAX_LINE_LENGTH = 300;
    private static final Pattern URL = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*://[^\\s\"'<>]+");

    public RunSummary {
        suites = List.copyOf(suites);
        failures = List.copyOf(capped(failures.stream().map(line -> shorten(safe(line))).toList()));
        new401s = List.copyOf(new401s);
        regressions = List.copyOf(regressions);
        site = safe(site);
        report = safe(report);
    }

    public int total() {
        return passed + failed + skipped;
    }

    /** Red: a test failed, or a setup method did (its tests were then skipped, not passed). */
    public boolean isFailure() {
        return failed > 0 || setupFailures > 0;
    }

    /**
     * The lines of the failure messages labelled with the kind ("Unexpected 401: ..." or, as the
     * baseline comparison prints it, "REGRESSION  ..."), without the label, made safe, each once.
     */
    public static List<String> labelled(Collection<String> failureMessages, FindingKind kind) {
        var found = new LinkedHashSet<String>();
        var label = kind.label();
        for (var message : failureMessages) {
            if (message == null) {
                continue;
            }
            for (var raw : message.lines().toList()) {
                var line = raw.strip().replaceFirst("^[-*]\\s+", "");
                if (line.length() > label.length() && line.regionMatches(true, 0, label, 0, label.length())
                        && (line.charAt(label.length()) == ':' || Character.isWhitespace(line.charAt(label.length())))) {
                    found.add(shorten(safe(line.substring(label.length() + 1).strip())));
                }
            }
        }
        return capped(new ArrayList<>(found));
    }

    /** Every URL in a line as it may be shown: no user:password@, secret-looking query values masked. */
    static String safe(String line) {
        return URL.matcher(line).replaceAll(match -> Matcher.quoteReplacement(SafeUrl.of(match.group())));
    }

    private static String shorten(String line) {
        return line.length() <= MAX_LINE_LENGTH ? line : line.substring(0, MAX_LINE_LENGTH - 1) + "…";
    }

    private static List<String> capped(List<String> lines) {
        if (lines.size() <= MAX_LINES) {
            return lines;
        }
        var kept = new ArrayList<>(lines.subList(0, MAX_LINES - 1));
        kept.add("... and " + (lines.size() - MAX_LINES + 1) + " more (see the report)");
        return kept;
    }

    /** One paragraph for chat tools that show only a "text" field (Slack, Mattermost, Teams). */
    public String text() {
        var text = new StringBuilder("stagecheck: ").append(String.join(", ", suites)).append(" FAILED on ")
                .append(browser).append('/').append(device).append(" against ").append(site).append(": ")
                .append(failed).append(" failed, ").append(passed).append(" passed, ").append(skipped)
                .append(" skipped of ").append(total());
        if (setupFailures > 0) {
            text.append(", ").append(setupFailures).append(" setup failure(s)");
        }
        failures.forEach(line -> text.append("\n- ").append(line));
        text.append("\nNew 401s: ").append(new401s.size());
        new401s.forEach(line -> text.append("\n- ").append(line));
        text.append("\nRegressions: ").append(regressions.size());
        regressions.forEach(line -> text.append("\n- ").append(line));
        return text.append("\nReport: ").append(report).toString();
    }

    public String toJson() {
        var counts = new LinkedHashMap<String, Object>();
        counts.put("passed", passed);
        counts.put("failed", failed);
        counts.put("skipped", skipped);
        counts.put("total", total());
        var json = new LinkedHashMap<String, Object>();
        json.put("text", text());
        json.put("suite", String.join(", ", suites));
        json.put("status", isFailure() ? "failed" : "passed");
        json.put("counts", counts);
        json.put("setupFailures", setupFailures);
        json.put("failures", failures);
        json.put("new401s", new401s);
        json.put("regressions", regressions);
        json.put("browser", browser);
        json.put("device", device);
        json.put("site", site);
        json.put("report", report);
        var out = new StringBuilder();
        // Compact: a webhook body, not a file for people.
        try (var writer = new Json().newOutput(out).setPrettyPrint(false)) {
            writer.write(json);
        }
        return out.toString();
    }
}
