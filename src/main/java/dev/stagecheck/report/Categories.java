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
                        + "\"messageRegex\": \"" + jsonEscape(messageRegex(kind)) + "\"}")
                .collect(Collectors.joining(",\n", "[\n", "\n]\n"));
        AllureResults.write("categories.json", entries);
    }

    /** What files a failure under the kind: its label and colon anywhere in the message ("Unexpected 401: 3" in a count too). */
    public static String messageRegex(FindingKind kind) {
        return "(?s).*" + Pattern.quote(kind.label() + ":") + ".*";
    }

    private static String jsonEscape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
