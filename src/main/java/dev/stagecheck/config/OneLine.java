package dev.stagecheck.config;

/** The first line of a message from elsewhere (a driver, a browser), for our one-line reports. */
public final class OneLine {
    private OneLine() {
    }

    public static String of(String text) {
        if (text == null || text.isBlank()) {
            return "no message";
        }
        var newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).strip();
    }
}
