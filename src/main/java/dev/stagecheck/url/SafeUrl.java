package dev.stagecheck.url;

import java.util.regex.Pattern;

/**
 * URLs as they may be shown: without user:password@ and with the values of secret-looking query
 * parameters (keys, tokens, nonces) masked, so reports and messages never carry credentials.
 */
public final class SafeUrl {
    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/?#]*@");
    private static final Pattern SECRET_PARAM = Pattern.compile(
            "([?&](?:[^=&#]*(?:key|token|secret|password|passwd|pwd|session|sid|auth|signature|sig|nonce|csrf|xsrf)[^=&#]*)=)[^&#]*",
            Pattern.CASE_INSENSITIVE);

    private SafeUrl() {
    }

    /**
     * The URL without user:password@ but with every query value as it is: what a request is sent to
     * and what requests are told apart by (two links that differ only in a token are two links).
     */
    public static String withoutUserInfo(String url) {
        return url == null ? "" : USER_INFO.matcher(url).replaceFirst("$1");
    }

    public static String of(String url) {
        if (url == null) {
            return "";
        }
        var withoutUser = USER_INFO.matcher(url).replaceFirst("$1");
        return SECRET_PARAM.matcher(withoutUser).replaceAll("$1***");
    }
}
