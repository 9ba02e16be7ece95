package dev.stagecheck.traffic;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.config.OneLine;
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
import java.util.Optional;

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
        return new ConfigException("site " + SafeUrl.of(url) + " is unreachable (" + reason(e)
                + "): check base.url and that the site is up and reachable from this machine", e);
    }

    /** Why a request got no answer, in a few words: "host name not found", "connection refused", "no answer in time" ... */
    public static String reason(Throwable e) {
        if (isUnresolved(e)) {
            return "host name not found";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer in time";
        }
        return e.getMessage() == null ? "no answer" : OneLine.of(e.getMessage());
    }

    /** The host name did not resolve (no such host, or a machine without name resolution). */
    public static boolean isUnresolved(Throwable e) {
        return causedBy(e, UnresolvedAddressException.class) || causedBy(e, java.net.UnknownHostException.class);
    }

    /**
     * A link to another site, checked outside the browser: its status, or why it got none, in a
     * line that names the other site's host (never base.url's advice: the site under test is fine).
     */
    public record LinkCheck(String url, int status, Optional<String> failure, boolean unresolved) {}

    public LinkCheck checkLink(String url) {
        try {
            return new LinkCheck(SafeUrl.of(url), get(url).status(), Optional.empty(), false);
        } catch (ConfigException e) {
            var cause = e.getCause() == null ? e : e.getCause();
            var host = host(url);
            return new LinkCheck(SafeUrl.of(url), 0, Optional.of("host " + host + " did not answer (" + reason(cause) + ")"), isUnresolved(cause));
        }
    }

    private static String host(String url) {
        try {
            var host = URI.create(url).getHost();
            return host == null ? SafeUrl.of(url) : host;
        } catch (IllegalArgumentException e) {
            return SafeUrl.of(url);
        }
    }
}
