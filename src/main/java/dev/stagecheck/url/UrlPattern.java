package dev.stagecheck.url;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A glob over whole URLs, as the profile's never.visit and crawl.allow write them: {@code *} matches
 * any run of characters (slashes included), {@code ?} one character. Case-insensitive, since
 * "/Logout" is just as destructive as "/logout".
 */
public record UrlPattern(String glob, Pattern regex) {
    /** Glob syntax of other tools that would silently match nothing here: refused, with what to write instead. */
    private static final String UNKNOWN_SYNTAX = "[]{}\\!";

    public static UrlPattern of(String glob) {
        var regex = new StringBuilder();
        for (var c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new UrlPattern(glob, Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE));
    }

    /**
     * Why a glob cannot be used, or empty when it can. A pattern matches the whole URL, so one that
     * starts with neither {@code *} nor a scheme ({@code /logout}) could never match anything.
     */
    public static Optional<String> problem(String glob) {
        for (var c : glob.toCharArray()) {
            if (UNKNOWN_SYNTAX.indexOf(c) >= 0) {
                return Optional.of("uses '" + c + "', which these patterns do not know: only * (any characters) and"
                        + " ? (one character) are special; list alternatives separated by commas");
            }
        }
        if (!glob.startsWith("*") && !glob.toLowerCase(java.util.Locale.ROOT).matches("^https?://.*")) {
            return Optional.of("can never match: a pattern matches the whole URL, so write *" + glob + "* or begin it with http(s)://");
        }
        return Optional.empty();
    }

    /** A profile's glob as a whole-URL glob: one that starts with "/" is a path on the site at {@code base}. */
    public static String onSite(String glob, String base) {
        return glob.startsWith("/") ? base + glob : glob;
    }

    public boolean matches(String url) {
        return regex.matcher(url).matches();
    }
}
