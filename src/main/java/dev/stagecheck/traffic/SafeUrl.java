package dev.stagecheck.traffic;

import java.util.regex.Pattern;

/**
 * URLs as they may be shown: without user:password@ and with the values of secret-looking query
 * parameters masked, so reports and messages never carry credentials.
 */
public final class SafeUrl {
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#]*@");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "([?&](?:[^=&#]*(?:key|token|secret|password|passwd|pwd|session|sid|auth|signature|sig)[^=&#]*)=)[^&#]*",
            Pattern.CASE_INSENSITIVE);

    private SafeUrl() {
    }

    public static String of(String url) {
        if (url == null) {
            return "";
        }
        var withoutUser = USER_INFO.matcher(url).replaceFirst("$1");
        return SECRET_PARAM.matcher(withoutUser).replaceAll("$1***");
    }
}
