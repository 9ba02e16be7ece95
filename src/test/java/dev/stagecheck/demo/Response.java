package dev.stagecheck.demo;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a handler answers; {@link ExchangeDispatcher} writes it, dropping the body for HEAD.
 * Immutable: {@link #withHeader} returns a copy.
 */
record Response(int status, Map<String, String> headers, byte[] body) {

    static final String HTML = "text/html; charset=utf-8";
    static final String JSON = "application/json; charset=utf-8";
    /**
     * Not sent: the Content-Length to promise instead of the body's own, for an answer that is cut
     * short on purpose (the dispatcher sends the body, then closes the connection).
     */
    static final String DECLARED_LENGTH = "X-Demo-Declared-Length";

    Response {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    static Response html(int status, String html) {
        return new Response(status, Map.of("Content-Type", HTML), html.getBytes(StandardCharsets.UTF_8));
    }

    static Response json(int status, String json) {
        return new Response(status, Map.of("Content-Type", JSON), json.getBytes(StandardCharsets.UTF_8));
    }

    /** 303 See Other: after a form post, or to send a visitor to the login page. */
    static Response seeOther(String location) {
        return new Response(303, Map.of("Location", location), new byte[0]);
    }

    /** 301 Moved Permanently: canonical URLs such as {@code /products} to {@code /products/}. */
    static Response movedPermanently(String location) {
        return new Response(301, Map.of("Location", location), new byte[0]);
    }

    Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body);
    }

    Response withoutHeader(String name) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(name::equalsIgnoreCase);
        return new Response(status, copy, body);
    }

    /** This page with HTML added just before the first {@code marker}; a page without it is a bug of the demo. */
    Response insertBefore(String marker, String html) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new IllegalStateException("demo: page has no " + marker + " to insert before");
        }
        return new Response(status, headers, (text.substring(0, at) + html + text.substring(at)).getBytes(StandardCharsets.UTF_8));
    }

    /** Member and admin pages must not linger in a shared cache or the back button. */
    Response noStore() {
        return withHeader("Cache-Control", "no-store");
    }
}
