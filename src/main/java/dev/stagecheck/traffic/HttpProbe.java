package dev.stagecheck.traffic;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.url.SafeUrl;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Plain HTTP checks outside the browser, as the guide's "troubleshoot with curl" step does: what
 * status and challenge a URL answers, with or without credentials. Redirects are not followed, so
 * a 302 to a login page is seen as such. Request headers (credentials) are never echoed anywhere.
 */
public final class HttpProbe {
    private final HttpClient client;
    private final Duration timeout;

    public HttpProbe(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** What came back: status and headers. Header names are lower-case here (java.net.http does that). */
    public record Answer(String url, int status, Map<String, List<String>> headers) {
        public List<String> header(String name) {
            return Headers.all(headers, name);
        }

        public List<String> challenges() {
            return header("WWW-Authenticate");
        }
    }

    public Answer get(String url) {
        return get(url, Map.of());
    }

    public Answer get(String url, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        headers.forEach(request::header);
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            return new Answer(SafeUrl.of(url), response.statusCode(), response.headers().map());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing " + SafeUrl.of(url), e);
        } catch (IOException | IllegalArgumentException e) {
            throw unreachable(url, e);
        }
    }

    /**
     * What a file link answers, without fetching the file: a HEAD, and where that is refused or
     * fails (servers that answer HEAD 405, or 403 to a URL signed for GET), a GET of its first byte
     * whose body is not read. Redirects are not followed.
     */
    public Answer file(String url, Map<String, String> headers) {
        var head = send(url, headers, "HEAD");
        return head.status() < 400 ? head : send(url, headers, "GET");
    }

    private Answer send(String url, Map<String, String> headers, String method) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout);
        if (method.equals("HEAD")) {
            request.method("HEAD", HttpRequest.BodyPublishers.noBody());
        } else {
            request.GET().header("Range", "bytes=0-0");
        }
        headers.forEach(request::header);
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            // Closing the body unread ends the transfer: a server that ignores Range does not send the whole file.
            response.body().close();
            // 206 is the first byte of a file that is there; 416 the answer for an empty one (it has no first byte).
            var status = response.statusCode() == 206 || response.statusCode() == 416 ? 200 : response.statusCode();
            return new Answer(SafeUrl.of(url), status, response.headers().map());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing " + SafeUrl.of(url), e);
        } catch (IOException | IllegalArgumentException e) {
            throw unreachable(url, e);
        }
    }

    /** The JDK client wraps a failed name lookup in ConnectExceptions, two levels deep. */
    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** A GET that also keeps the body (as text), for a page whose resources must be known before a browser loads it. */
    public record Page(Answer answer, String body) {}

    public Page page(String url, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        headers.forEach(request::header);
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(new Answer(SafeUrl.of(url), response.statusCode(), response.headers().map()), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing " + SafeUrl.of(url), e);
        } catch (IOException | IllegalArgumentException e) {
            throw unreachable(url, e);
        }
    }

    /** The body of a text resource (a server log served over HTTP), or a ConfigException when unreachable. */
    public String text(String url) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new ConfigException(SafeUrl.of(url) + " answered " + response.statusCode() + " instead of the text asked for");
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + SafeUrl.of(url), e);
        } catch (IOException | IllegalArgumentException e) {
            throw unreachable(url, e);
        }
    }

    /** One line for a site that does not answer: what happened and what to check. */
    public static ConfigException unreachable(String url, Throwable e) {
        String why;
        if (causedBy(e, UnresolvedAddressException.class) || causedBy(e, java.net.UnknownHostException.class)) {
            why = "host name not found";
        } else if (e instanceof ConnectException) {
            why = "connection refused";
        } else if (e instanceof HttpConnectTimeoutException) {
            why = "connect timed out";
        } else if (e instanceof HttpTimeoutException) {
            why = "no answer in time";
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return new ConfigException("site " + SafeUrl.of(url) + " is unreachable (" + why
                + "): check base.url and that the site is up and reachable from this machine", e);
    }
}
