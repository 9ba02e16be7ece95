package dev.stagecheck.config;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The answer one role must get from one URL of the access matrix ({@code access.N.<role>}):
 * {@code 200}, {@code 200 shows .css}, {@code login} (a 301/302/303/307/308 to the login page),
 * another redirect status, {@code 401} (optionally with its scheme and realm:
 * {@code 401 Basic realm=Admin Area}), {@code 403} or {@code 404}.
 */
public record ExpectedAccess(int status, boolean toLogin, Optional<String> scheme, Optional<String> realm, Optional<String> marker) {

    static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<Integer> STATUSES = Set.of(200, 301, 302, 303, 307, 308, 401, 403, 404);
    private static final Pattern SHAPE = Pattern.compile(
            "(?i)(login|\\d{3})(?:\\s+shows\\s+(\\S.*)|\\s+([A-Za-z][\\w-]*)(?:\\s+realm=(\\S.*))?)?");
    static final String WHAT = "200, 200 shows <css selector>, login (a redirect to the login page), 301, 302, 303, 307, 308,"
            + " 401, 401 <scheme>, 401 <scheme> realm=<realm>, 403 or 404";

    public static ExpectedAccess parse(ProfileReader reader, String key) {
        var value = reader.required(key, "the answer this role must get: " + WHAT).strip();
        var matcher = SHAPE.matcher(value);
        if (!matcher.matches()) {
            throw reader.malformed(key, value, WHAT);
        }
        if (matcher.group(1).equalsIgnoreCase("login")) {
            if (matcher.group(2) != null || matcher.group(3) != null) {
                throw reader.malformed(key, value, "login alone (a redirect to the login page)");
            }
            return new ExpectedAccess(302, true, Optional.empty(), Optional.empty(), Optional.empty());
        }
        var status = Integer.parseInt(matcher.group(1));
        if (!STATUSES.contains(status)) {
            throw reader.malformed(key, value, WHAT);
        }
        var marker = Optional.ofNullable(matcher.group(2)).map(String::strip);
        var scheme = Optional.ofNullable(matcher.group(3));
        if (marker.isPresent() && status != 200) {
            throw reader.malformed(key, value, "shows <css selector> only after 200 (a marker the page must show)");
        }
        if (scheme.isPresent() && status != 401) {
            throw reader.malformed(key, value, "a challenge scheme only after 401, such as 401 Basic");
        }
        return new ExpectedAccess(status, false, scheme, Optional.ofNullable(matcher.group(4)).map(String::strip), marker);
    }

    /** True when the role must get the page itself (200): such a role sees an area's links, so it finds the area's pages. */
    public boolean letsIn() {
        return status == 200 && !toLogin;
    }

    public static boolean isRedirect(int status) {
        return REDIRECTS.contains(status);
    }

    /** What the profile asks for, as a line of the matrix says it: "403", "a redirect to the login page", "401 Basic realm=\"Admin Area\"". */
    public String describe() {
        if (toLogin) {
            return "a redirect to the login page";
        }
        return status + scheme.map(s -> " " + s).orElse("") + realm.map(r -> " realm=\"" + r + "\"").orElse("")
                + marker.map(css -> " showing '" + css + "'").orElse("");
    }
}
