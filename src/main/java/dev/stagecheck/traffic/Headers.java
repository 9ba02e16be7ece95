package dev.stagecheck.traffic;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Header lookups that ignore case: servers send "WWW-Authenticate", "Www-Authenticate" or worse. */
public final class Headers {
    private Headers() {
    }

    /** Every value of the header; CDP joins repeated headers with newlines, so split those too. */
    public static List<String> all(Map<String, ?> headers, String name) {
        var values = new ArrayList<String>();
        if (headers == null) {
            return values;
        }
        headers.forEach((key, value) -> {
            if (key.equalsIgnoreCase(name) && value != null) {
                if (value instanceof List<?> list) {
                    list.forEach(item -> values.add(String.valueOf(item)));
                } else {
                    for (var line : String.valueOf(value).split("\n")) {
                        if (!line.isBlank()) {
                            values.add(line.trim());
                        }
                    }
                }
            }
        });
        return values;
    }

    /** All values joined as RFC 9110 allows for list-valued fields, or "" when absent. */
    public static String joined(Map<String, ?> headers, String name) {
        return String.join(", ", all(headers, name));
    }

    /** A response the browser saves instead of showing ({@code Content-Disposition: attachment}): a file link's. */
    public static boolean isAttachment(Map<String, ?> headers) {
        return joined(headers, "Content-Disposition").trim().toLowerCase(Locale.ROOT).startsWith("attachment");
    }
}
