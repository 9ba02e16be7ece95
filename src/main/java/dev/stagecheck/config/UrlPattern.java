package dev.stagecheck.config;

import java.util.regex.Pattern;

/**
 * A glob over whole URLs, as the profile's never.visit writes them: {@code *} matches any run of
 * characters (slashes included), {@code ?} one character. Case-insensitive, since "/Logout" is
 * just as destructive as "/logout".
 */
public record UrlPattern(String glob, Pattern regex) {

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

    public boolean matches(String url) {
        return regex.matcher(url).matches();
    }
}
