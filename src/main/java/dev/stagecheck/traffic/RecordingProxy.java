package dev.stagecheck.traffic;

import dev.stagecheck.safety.Refusal;
import dev.stagecheck.safety.SafetyGuard;
import dev.stagecheck.url.SafeUrl;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy on loopback between a browser without DevTools (WebKit) and a plain-http site: the
 * browser's own network witness. Every request the browser sends passes through it, so it sees each
 * status and challenge as the browser got them, without asking the site a second time, and it
 * applies the safety policy to the browser's own requests (a page script's POST included). A 401
 * challenge would open WebKit's modal login dialog, which wedges its automation: the proxy records
 * the challenge and hands the browser the 401 page without it. Credentials a typed URL carried are
 * added here, as the browser would add them after the challenge. An answer to a request that
 * carried credentials or cookies reaches the browser as {@code no-store}, so no later test gets it
 * out of the browser's cache. HTTPS passes by (a tunnel shows nothing), so https sites keep the
 * probe witness.
 */
public final class RecordingProxy implements AutoCloseable {
    /** Hop-by-hop headers (RFC 9110 7.6.1) and those java.net.http sets itself: never forwarded. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "proxy-connection", "keep-alive", "proxy-authorization",
            "proxy-authenticate", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect");
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    /** What lets a browser keep an answer: replaced by no-store on answers to a request that carried an identity. */
    private static final Set<String> CACHING = Set.of("cache-control", "expires", "pragma", "etag", "last-modified");

    private final ServerSocket server;
    private final HttpClient client;
    private final Duration timeout;
    private final ExecutorService connections = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "stagecheck-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Traffic traffic;
    /** Names each relayed request for the traffic's record of what is still running. */
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
    private volatile SafetyGuard guard;
    private volatile String currentPage = "";
    /** Basic credentials of a typed URL, sent below the path they cover. */
    private volatile Optional<TypedCredentials> credentials = Optional.empty();

    private RecordingProxy(ServerSocket server, Duration timeout) {
        this.server = server;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout).build();
    }

    /** Starts listening on a free loopback port; requests pass unrecorded until {@link #attach}. */
    public static RecordingProxy start(Duration timeout) {
        try {
            var proxy = new RecordingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), timeout);
            proxy.connections.execute(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException("no loopback port for the recording proxy: " + e.getMessage(), e);
        }
    }

    /** host:port, as a WebDriver {@code proxy} capability's httpProxy takes it. */
    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    public void attach(Traffic traffic, SafetyGuard guard) {
        this.traffic = traffic;
        this.guard = guard;
    }

    /** Sends a typed URL's Basic credentials with every request below its path. */
    void credentials(TypedCredentials typed) {
        credentials = Optional.of(typed);
    }

    /** Forgets the previous test's page and credentials. */
    void forget() {
        currentPage = "";
        credentials = Optional.empty();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                var socket = server.accept();
                connections.execute(() -> serve(socket));
            } catch (IOException e) {
                return; // Closed.
            }
        }
    }

    /** One browser connection: requests one after the other (keep-alive) until either side closes. */
    private void serve(Socket socket) {
        try (socket) {
            var in = new BufferedInputStream(socket.getInputStream());
            var out = new BufferedOutputStream(socket.getOutputStream());
            while (true) {
                var request = Request.read(in);
                if (request.isEmpty()) {
                    return;
                }
                if (!answer(request.get(), out) || request.get().closes()) {
                    return;
                }
            }
        } catch (IOException e) {
            // The browser went away (a page left mid-load): nothing waits for this answer.
        }
    }

    /** Answers one request; false when the connection must close. */
    private boolean answer(Request request, OutputStream out) throws IOException {
        if (request.method().equals("CONNECT") || !request.target().startsWith("http://")) {
            write(out, 501, "Not Implemented", Map.of(), "stagecheck's proxy only relays plain http".getBytes(StandardCharsets.UTF_8));
            return false;
        }
        var url = SafeUrl.withoutUserInfo(request.target());
        var dest = request.header("sec-fetch-dest").orElse("");
        var document = dest.equals("document") || dest.equals("iframe")
                || dest.isEmpty() && request.header("accept").map(a -> a.contains("text/html")).orElse(false);
        var topLevel = document && !dest.equals("iframe");
        var page = topLevel ? request.header("referer").orElse("") : request.header("referer").orElse(currentPage);
        var traffic = this.traffic;
        var guard = this.guard;
        // The tab's own document: a frame inside the page is the page's content, as its images are.
        var refusal = guard == null ? Optional.<Refusal>empty() : guard.browserRequest(request.method(), url, topLevel);
        if (refusal.isPresent()) {
            // Refused as an ad blocker would: the browser gets nothing and stays where it was.
            traffic.refused(refusal.get(), currentPage);
            if (topLevel) {
                traffic.record(new Exchange(request.method(), url, 0, "Document", true, page, List.of(), Optional.of(refusal.get().note())));
            }
            write(out, 204, "No Content", Map.of(), new byte[0]);
            return true;
        }
        HttpResponse<byte[]> response;
        var forwarded = forwarded(request);
        // Told as it starts and ends, so a page's load can be waited for and what held it named (an image that never answers).
        var key = "proxy-" + requests.incrementAndGet();
        if (traffic != null) {
            traffic.started(key, url, type(dest, document), topLevel, page);
        }
        try {
            response = client.send(forwarded, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException | IllegalArgumentException e) {
            var why = HttpProbe.unreachable(url, e).getMessage();
            if (traffic != null) {
                traffic.record(new Exchange(request.method(), url, 0, type(dest, document), topLevel, page, List.of(),
                        Optional.of("no answer: " + why)));
            }
            write(out, 502, "Bad Gateway", Map.of(), why.getBytes(StandardCharsets.UTF_8));
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (traffic != null) {
                traffic.ended(key);
            }
        }
        var challenges = Headers.all(response.headers().map(), "WWW-Authenticate");
        // A 3xx without a Location is where the browser stays: the page's answer, not a step on the way.
        // An attachment is saved, not shown: the tab stays on the page before, and this is a file link's answer.
        var note = topLevel && Headers.isAttachment(response.headers().map()) ? Optional.of(Exchange.FILE)
                : Exchange.noteOf(response.statusCode(), name -> Headers.all(response.headers().map(), name));
        if (traffic != null) {
            traffic.record(new Exchange(request.method(), url, response.statusCode(), type(dest, document), topLevel, page, challenges, note));
        }
        if (topLevel && !Headers.isAttachment(response.headers().map())
                && (response.statusCode() < 300 || response.statusCode() >= 400 || note.isPresent())) {
            currentPage = url;
        }
        var headers = new LinkedHashMap<String, List<String>>();
        var identified = forwarded.headers().firstValue("Authorization").isPresent() || request.header("cookie").isPresent();
        response.headers().map().forEach((name, values) -> {
            var lower = name.toLowerCase(Locale.ROOT);
            // The challenge stays in the record and out of the browser: it would open a login dialog.
            if (!NOT_FORWARDED.contains(lower) && !lower.equals("www-authenticate") && !(identified && CACHING.contains(lower))) {
                headers.put(name, values);
            }
        });
        if (identified) {
            // This browser's cache cannot be emptied between tests (no DevTools), and an answer given
            // to credentials or a member's cookie must never reach a later test of another identity.
            headers.put("Cache-Control", List.of("no-store"));
        }
        write(out, response.statusCode(), "", headers, request.method().equals("HEAD") ? null : response.body());
        return true;
    }

    /**
     * The request as the site gets it. A URL with user:password (WebKit sends a typed one, and the
     * resources of its page, to the proxy as it was typed) goes without them and with their Basic
     * Authorization header, as the browser itself would send them after the challenge.
     */
    private HttpRequest forwarded(Request request) {
        var body = request.body().length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body());
        var plain = SafeUrl.withoutUserInfo(request.target());
        var builder = HttpRequest.newBuilder(URI.create(plain)).timeout(timeout).method(request.method(), body);
        request.headers().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        if (request.header("authorization").isEmpty()) {
            TypedCredentials.of(request.target()).or(() -> credentials.filter(typed -> typed.cover(plain)))
                    .ifPresent(typed -> builder.header("Authorization", typed.authorization()));
        }
        return builder.build();
    }

    /** The browser's resource type in the words the CDP witness uses, from Fetch Metadata when sent. */
    private static String type(String dest, boolean document) {
        if (document) {
            return "Document";
        }
        return switch (dest) {
            case "image" -> "Image";
            case "style" -> "Stylesheet";
            case "script" -> "Script";
            case "font" -> "Font";
            case "empty" -> "XHR";
            default -> "Other";
        };
    }

    private static void write(OutputStream out, int status, String reason, Map<String, List<String>> headers, byte[] body) throws IOException {
        var head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason.isEmpty() ? "-" : reason).append("\r\n");
        headers.forEach((name, values) -> values.forEach(value -> head.append(name).append(": ").append(value).append("\r\n")));
        var bodyless = body == null || status / 100 == 1 || status == 204 || status == 304;
        if (!(status == 204 || status == 304)) {
            head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!bodyless) {
            out.write(body);
        }
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        connections.shutdownNow();
    }

    /** One request as the browser sent it to the proxy: the absolute URL, lower-case header names, the body. */
    private record Request(String method, String target, Map<String, List<String>> headers, byte[] body) {

        Optional<String> header(String name) {
            var values = headers.get(name);
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        boolean closes() {
            return header("connection").or(() -> header("proxy-connection")).map(v -> v.equalsIgnoreCase("close")).orElse(false);
        }

        /** The next request on the connection, or empty when the browser closed it. */
        static Optional<Request> read(InputStream in) throws IOException {
            var line = readLine(in);
            while (line != null && line.isEmpty()) {
                line = readLine(in); // Stray line breaks between requests.
            }
            if (line == null) {
                return Optional.empty();
            }
            var parts = line.split(" ");
            if (parts.length < 3) {
                throw new IOException("not an HTTP request line");
            }
            var headers = new LinkedHashMap<String, List<String>>();
            for (var header = readLine(in); header != null && !header.isEmpty(); header = readLine(in)) {
                var colon = header.indexOf(':');
                if (colon > 0) {
                    headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(header.substring(colon + 1).trim());
                }
            }
            var request = new Request(parts[0].toUpperCase(Locale.ROOT), parts[1], headers, new byte[0]);
            return Optional.of(new Request(request.method(), request.target(), headers, body(in, request)));
        }

        private static byte[] body(InputStream in, Request request) throws IOException {
            if (request.header("transfer-encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
                var body = new ByteArrayOutputStream();
                for (var size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    readLine(in);
                }
                for (var trailer = readLine(in); trailer != null && !trailer.isEmpty(); trailer = readLine(in)) {
                    // Trailers are dropped: nothing the site needs.
                }
                return body.toByteArray();
            }
            var length = request.header("content-length").map(String::trim).map(Integer::parseInt).orElse(0);
            return in.readNBytes(length);
        }

        private static String readLine(InputStream in) throws IOException {
            var line = new ByteArrayOutputStream();
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    var bytes = line.toByteArray();
                    var end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
                }
                if (line.size() > MAX_HEADER_BYTES) {
                    throw new IOException("header line too long");
                }
                line.write(c);
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
