package dev.stagecheck.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kind of problem the kit reports. Every failure message names its kind as a label
 * ("Unexpected 401: ..."), and Allure's categories.json groups failures by that label: one
 * category per kind. The kit's own kinds are the constants below; a check of your own adds one
 * with {@link #define}, and it gets its category like the built-in ones.
 */
public final class FindingKind implements Comparable<FindingKind> {
    private static final Map<String, FindingKind> KINDS = new LinkedHashMap<>();

    public static final FindingKind UNEXPECTED_401 = define("Unexpected 401");
    public static final FindingKind UNEXPECTED_403 = define("Unexpected 403");
    public static final FindingKind WRONG_CHALLENGE = define("Wrong or missing challenge");
    public static final FindingKind NOT_PROTECTED = define("Not protected");
    public static final FindingKind STALE_SESSION = define("Stale session");
    public static final FindingKind BROKEN_LINK = define("Broken link");
    public static final FindingKind SERVER_ERROR = define("Server error");
    public static final FindingKind CONSOLE_ERROR = define("Console error");
    public static final FindingKind SLOW_PAGE = define("Slow page");
    public static final FindingKind SLOW_REQUEST = define("Slow request");
    public static final FindingKind REDIRECT_LOOP = define("Redirect loop");
    public static final FindingKind REDIRECT_WITHOUT_LOCATION = define("Redirect without Location");
    public static final FindingKind SERVER_LOG = define("Server log");
    public static final FindingKind REGRESSION = define("Regression");
    public static final FindingKind BROKEN_PAGE = define("Broken page");
    public static final FindingKind DIALOG = define("Dialog");
    public static final FindingKind PAGE_HUNG = define("Page hung");
    public static final FindingKind CRASHED_TAB = define("Page crashed the tab");
    public static final FindingKind CRAWL_TRAP = define("Possible crawl trap");
    public static final FindingKind CRAWL_STOPPED = define("Crawl stopped");
    public static final FindingKind RATE_LIMITED = define("Rate limited");
    public static final FindingKind WRONG_ACCESS = define("Wrong access");
    public static final FindingKind ROLE_SIGN_IN_FAILED = define("Role sign-in failed");

    private final String label;
    /** Definition order: the kit's own kinds first, so tables and counts list them in a stable order. */
    private final int order;

    private FindingKind(String label, int order) {
        this.label = label;
        this.order = order;
    }

    /**
     * The kind with this label, added to the report's categories when new. Defining a label twice
     * gives the same kind. A label is what a user reads first in a failure: a few words, no colon
     * (the colon ends the label in a message).
     */
    public static FindingKind define(String label) {
        if (label == null || label.isBlank() || label.contains(":") || label.contains("\n") || !label.strip().equals(label)) {
            throw new IllegalArgumentException("a finding kind's label is a few words without a colon, line break or "
                    + "surrounding spaces, like \"Mixed content\"; got " + (label == null ? "null" : "\"" + label + "\""));
        }
        synchronized (KINDS) {
            return KINDS.computeIfAbsent(label, key -> new FindingKind(key, KINDS.size()));
        }
    }

    /** Every kind defined so far, the kit's own first, in the order they were defined. */
    public static List<FindingKind> all() {
        synchronized (KINDS) {
            return List.copyOf(new ArrayList<>(KINDS.values()));
        }
    }

    public String label() {
        return label;
    }

    /** "Unexpected 401: " + detail, the shape every failure message has. */
    public String message(String detail) {
        return label + ": " + detail;
    }

    @Override
    public int compareTo(FindingKind other) {
        return Integer.compare(order, other.order);
    }

    @Override
    public String toString() {
        return label;
    }
}
