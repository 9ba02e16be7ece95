package dev.stagecheck.report;

import dev.stagecheck.verdict.FindingKind;

import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Writes Allure's categories.json so failures are grouped by {@link FindingKind}, the kinds a user defined included. */
public final class Categories {
    private Categories() {
    }

    public static void write() {
        var entries = FindingKind.all().stream()
                .map(kind -> "  {\"name\": \"" + kind.label() + "\", \"matchedStatuses\": [\"failed\", \"broken\"], "
                        + "\"messageRegex\": \"" + jsonEscape("(?s).*" + Pattern.quote(kind.label() + ":") + ".*") + "\"}")
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
        AllureResults.write("categories.json", entries);
    }

    private static String jsonEscape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
