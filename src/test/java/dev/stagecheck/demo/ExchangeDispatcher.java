package dev.stagecheck.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The only class that touches {@link HttpExchange}: reads it into a {@link Request}, lets the
 * {@link Router} answer, and writes the {@link Response}. Errors become 400/413/500 pages
 * instead of a dropped connection, which a browser test would misreport. Every request but the
 * read of the log itself gets an access line in the {@link ServerLog}.
 */
final class ExchangeDispatcher implements HttpHandler {

    /** Forms here are a few hundred bytes; anything far larger is not a visitor. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final Router router;
    private final Function<Map<String, List<String>>, Optional<Session>> sessions;
    private final ErrorPages errors;
    private final ServerLog log;

    /** {@code sessions} finds the member session for a request's headers. */
    ExchangeDispatcher(Router router, Function<Map<String, List<String>>, Optional<Session>> sessions,
                       ErrorPages errors, ServerLog log) {
        this.router = router;
        this.sessions = sessions;
        this.errors = errors;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Request request = readHead(exchange);
            Response response;
            try {
                response = router.route(withBody(request, exchange));
            } catch (MalformedRequestException e) {
                response = errors.status(request, e.status(), e.getMessage());
            } catch (RuntimeException e) {
                System.err.println("demo site: " + request.method() + " " + request.path() + " failed: " + e);
                log.error(request.method() + " " + exchange.getRequestURI().getRawPath() + " failed: " + e);
                response = errors.status(request, 500, "Something went wrong on our side.");
            }
            // Logged before the answer leaves, so a client that has its answer finds the line in the log
            // (a line written afterwards raced the client's next read of the log).
            logAccess(exchange, request, response);
            write(exchange, response);
        }
    }

    /** Path only: the query may carry a secret, and no header, cookie or body is ever logged. */
    private void logAccess(HttpExchange exchange, Request request, Response response) {
        if (request.path().equals(ServerLog.PATH)) {
            return; // reading the log does not change it
        }
        InetSocketAddress client = exchange.getRemoteAddress();
        String address = client == null || client.getAddress() == null ? "-" : client.getAddress().getHostAddress();
        long bytes = request.method().equals("HEAD") ? 0 : response.body().length;
        log.access(address, request.method(), exchange.getRequestURI().getRawPath(), exchange.getProtocol(),
                response.status(), bytes);
    }

    private Request readHead(HttpExchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(exchange.getRequestHeaders());
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String path = exchange.getRequestURI().getPath();
        return new Request(exchange.getRequestMethod(), path == null || path.isEmpty() ? "/" : path,
                rawQuery == null ? "" : rawQuery, headers, new byte[0], sessions.apply(headers));
    }

    private static Request withBody(Request head, HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new MalformedRequestException(413, "The request body is too large.");
            }
            return new Request(head.method(), head.path(), head.rawQuery(), head.headers(), body, head.session());
        }
    }

    private static void write(HttpExchange exchange, Response response) throws IOException {
        // A value of several lines is a header sent several times (two WWW-Authenticate challenges).
        response.headers().forEach((name, value) -> {
            if (!name.equals(Response.DECLARED_LENGTH)) {
                exchange.getResponseHeaders().put(name, List.of(value.split("\n")));
            }
        });
        byte[] body = response.body();
        boolean head = exchange.getRequestMethod().equals("HEAD");
        if (head || body.length == 0) {
            if (head) {
                // For HEAD the server refuses a length argument, so the GET length goes in by hand.
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            }
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        var declared = response.headers().get(Response.DECLARED_LENGTH);
        exchange.sendResponseHeaders(response.status(), declared == null ? body.length : Long.parseLong(declared));
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
