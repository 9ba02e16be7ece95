package dev.stagecheck.verdict;

import java.util.List;

/**
 * A check that found problems fails with this: a short message (how many, of which kinds, where
 * the table is) for the console, and every finding's line for what reads on (the failure notice,
 * the kit's self-tests). The kinds' labels stay in the message, so Allure's categories still group it.
 */
public final class FindingsError extends AssertionError {
    private final List<String> lines;

    FindingsError(String message, List<String> lines) {
        super(message);
        this.lines = List.copyOf(lines);
    }

    /** One line per finding, each labelled by its kind ("Unexpected 401: http://x/press (from ...) ..."). */
    public List<String> lines() {
        return lines;
    }

    /** A verdict, not a program error: where it was thrown says nothing the findings do not. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
