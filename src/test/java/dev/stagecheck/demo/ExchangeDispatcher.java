package dev.stagecheck.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The only class that touches {@link HttpExchange}: reads it into a {@link Request}, lets the
 * {@link Router} answer, and writes the {@link Response}. Errors become 400/413/500 pages
 * instead of a dropped connection, which a browser test would misreport.
 */
final class ExchangeDispatcher implements HttpHandler {

    /** Forms here are a few hundred bytes; anything far larger is not a visitor. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final Router router;
    private final SessionStore sessions;
    private final ErrorPages errors;

    ExchangeDispatcher(Router router, SessionStore sessions, ErrorPages errors) {
        this.router = router;
        this.sessions = sessions;
        this.errors = errors;
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
                response = errors.status(request, 500, "Something went wrong on our side.");
            }
            write(exchange, response);
        }
    }

    private Request readHead(HttpExchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(exchange.getRequestHeaders());
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String path = exchange.getRequestURI().getPath();
        return new Request(exchange.getRequestMethod(), path == null || path.isEmpty() ? "/" : path,
                rawQuery == null ? "" : rawQuery, headers, new byte[0], sessions.find(headers));
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
        response.headers().forEach(exchange.getResponseHeaders()::set);
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
        exchange.sendResponseHeaders(response.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
