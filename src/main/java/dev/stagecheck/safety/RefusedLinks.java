package dev.stagecheck.safety;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The links a crawl or a check did not follow because the safety policy refused them, each once
 * (with the first page that linked there), for one summary line and the full list in the report.
 * Safety beats coverage, but a link not visited is listed, never silently dropped.
 */
public final class RefusedLinks {
    /** One refused URL and the page it was found on ("" when the kit met it elsewhere). */
    public record Entry(Refusal refusal, String from) {}

    private final Map<String, Entry> byUrl = new LinkedHashMap<>();

    public synchronized void add(Refusal refusal, String from) {
        byUrl.putIfAbsent(refusal.url(), new Entry(refusal, from));
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(byUrl.values());
    }

    public synchronized int size() {
        return byUrl.size();
    }

    /** How many URLs each rule refused, most first: "_wpnonce 12, names a state change: logout 1". */
    public synchronized Map<String, Integer> countsByRule() {
        var counts = new TreeMap<String, Integer>();
        byUrl.values().forEach(entry -> counts.merge(entry.refusal().rule(), 1, Integer::sum));
        var sorted = new ArrayList<>(counts.entrySet());
        sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        var result = new LinkedHashMap<String, Integer>();
        sorted.forEach(entry -> result.put(entry.getKey(), entry.getValue()));
        return result;
    }

    /** One line: how many links were not visited, and by which rules; "" when none. */
    public String summary() {
        if (size() == 0) {
            return "";
        }
        var rules = new StringBuilder();
        countsByRule().forEach((rule, count) -> rules.append(rules.length() == 0 ? "" : "; ").append(count).append(" by ").append(rule));
        return size() + " link" + (size() == 1 ? "" : "s") + " not visited for safety (" + rules
                + "); the report lists them; re-admit a safe one with crawl.allow";
    }

    /** Every refused URL with its rule and where it was found, for the report. */
    public String table() {
        var text = new StringBuilder(String.format("%-70s %-60s %s%n", "url", "rule", "found on"));
        for (var entry : entries()) {
            text.append(String.format("%-70s %-60s %s%n", entry.refusal().url(), entry.refusal().rule(),
                    entry.from().isEmpty() ? "-" : entry.from()));
        }
        return text.append(size()).append(" not visited for safety\n").toString();
    }
}
