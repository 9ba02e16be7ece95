package dev.stagecheck.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One incoming request, read off the exchange before any handler runs so handlers stay plain
 * functions from {@code Request} to {@link Response} and never touch the JDK server types.
 *
 * @param method  the HTTP method as sent (HEAD is served by the GET handler)
 * @param path    the decoded path, e.g. {@code /products/alpha}
 * @param rawQuery the query string still URL-encoded, or an empty string
 * @param headers request headers, keys compared case-insensitively
 * @param body    the request body bytes (empty for GET)
 * @param session the member session named by the {@code demo_session} cookie, if it is live
 */
record Request(String method, String path, String rawQuery, Map<String, List<String>> headers,
               byte[] body, Optional<Session> session) {

    /** First value of a query parameter, decoded as UTF-8. */
    Optional<String> queryParam(String name) {
        return Optional.ofNullable(UrlEncoded.parse(rawQuery).get(name));
    }

    /** The body read as an {@code application/x-www-form-urlencoded} UTF-8 form. */
    Map<String, String> form() {
        return UrlEncoded.parse(new String(body, StandardCharsets.UTF_8));
    }

    /** First value of a header, looked up case-insensitively. */
    Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    boolean signedIn() {
        return session.isPresent();
    }
}
