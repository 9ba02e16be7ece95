package dev.stagecheck.traffic;

import dev.stagecheck.url.SafeUrl;

/** One message of the browser console, or an uncaught exception, with the page it happened on. */
public record ConsoleEntry(String level, String text, String page) {

    public ConsoleEntry {
        page = SafeUrl.of(page);
    }

    public boolean isError() {
        return "error".equalsIgnoreCase(level) || "exception".equalsIgnoreCase(level);
    }

    @Override
    public String toString() {
        return "[" + level + "] " + text + (page.isEmpty() ? "" : " (" + page + ")");
    }
}
