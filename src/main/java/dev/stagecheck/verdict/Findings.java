package dev.stagecheck.verdict;

import java.util.ArrayList;
import java.util.Collection;
import java.util.TreeMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** A run's findings, and the readable forms the console, the assertion and the report need. */
public final class Findings {
    private final List<Finding> all = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    /** Adds a finding unless the same problem (kind, URL, evidence) is already listed, e.g. seen by both crawls. */
    public void add(Finding finding) {
        if (seen.add(finding.kind() + " " + finding.url() + " " + finding.evidence())) {
            all.add(finding);
        }
    }

    public static Findings of(Collection<Finding> findings) {
        var all = new Findings();
        all.addAll(findings);
        return all;
    }

    public void addAll(Collection<Finding> findings) {
        findings.forEach(this::add);
    }

    public List<Finding> all() {
        return List.copyOf(all);
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    public int size() {
        return all.size();
    }

    public Map<FindingKind, Long> countByKind() {
        return all.stream().collect(Collectors.groupingBy(Finding::kind, TreeMap::new, Collectors.counting()));
    }

    /** One line per finding: kind, URL, the page that led there, evidence; in a fixed-width table. */
    public String table() {
        var text = new StringBuilder(String.format("%-27s %-60s %-45s %s%n", "kind", "url", "from", "evidence"));
        for (var finding : all) {
            text.append(String.format("%-27s %-60s %-45s %s%n", finding.kind().label(), finding.url(), finding.from(), finding.evidence()));
        }
        return text.toString();
    }

    /** "3 findings (Unexpected 401: 1, Broken link: 2)" */
    public String summary() {
        return all.size() + " finding(s) (" + countByKind().entrySet().stream()
                .map(entry -> entry.getKey().label() + ": " + entry.getValue())
                .collect(Collectors.joining(", ")) + ")";
    }

    /**
     * The failure of a check that printed {@link #table()} once on the console: "The crawl found 16
     * problems (Unexpected 401: 3, Broken link: 13): see the table above or the report's Findings
     * attachment". Each kind's label stays in it, so Allure's categories file the failure under each.
     */
    public FindingsError failure(String what) {
        var message = what + " found " + all.size() + (all.size() == 1 ? " problem (" : " problems (") + countByKind().entrySet().stream()
                .map(entry -> entry.getKey().label() + ": " + entry.getValue())
                .collect(Collectors.joining(", ")) + "): see the table above or the report's Findings attachment";
        return new FindingsError(message, all.stream().map(Finding::line).toList());
    }
}
