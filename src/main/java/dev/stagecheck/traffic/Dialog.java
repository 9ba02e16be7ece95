package dev.stagecheck.traffic;

import dev.stagecheck.url.SafeUrl;

/**
 * A JavaScript dialog a page opened ({@code alert}, {@code confirm}, {@code prompt}, or the
 * "Leave site?" question of a {@code beforeunload} handler) and how the kit answered it: dismissed
 * (Cancel), except a beforeunload question, answered "Leave" so the browser moves on.
 *
 * @param type    the browser's word for it: alert, confirm, prompt or beforeunload
 * @param message what the dialog said (a beforeunload question has no text of the page's own)
 * @param page    the document that opened it
 */
public record Dialog(String type, String message, String page) {
    private static final int MAX_MESSAGE = 200;

    public Dialog {
        // One line, and short: a page may put a whole article into an alert.
        message = message == null ? "" : message.strip().replaceAll("\\s+", " ");
        message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
        page = SafeUrl.of(page == null ? "" : page);
    }

    /** A beforeunload question: answered "Leave", or the navigation that caused it would never end. */
    public boolean beforeUnload() {
        return "beforeunload".equals(type);
    }

    /** "alert('Hello') was dismissed", in a few words for a finding. */
    public String describe() {
        if (beforeUnload()) {
            return "a beforeunload handler asks every visitor \"Leave site?\" when they leave the page:"
                    + " ask only while a form holds unsaved input";
        }
        var answer = "confirm".equals(type) || "prompt".equals(type) ? "answered Cancel" : "dismissed";
        var what = "dialog".equals(type) ? "a script" : type + "()";
        return what + " opened a dialog saying \"" + message + "\", which blocks the page until someone answers it (" + answer
                + "): show the message in the page instead";
    }

    @Override
    public String toString() {
        return "[dialog " + type + "] " + message + (page.isEmpty() ? "" : " (" + page + ")");
    }
}
