package dev.stagecheck.selftest;

import dev.stagecheck.demo.DemoCredentials;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.testng.Assert.assertEquals;

/**
 * Plain HTTP against a demo site, for the demo's own self-tests: redirects are not followed (a 303
 * is what we want to see), HTTP/1.1, short timeouts. Header arguments come in name, value pairs.
 */
final class DemoClient {
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    DemoClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(5));
    }

    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        return http.send(request, body);
    }

    <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        return http.sendAsync(request, body);
    }

    HttpResponse<String> get(String path, String... headerPairs) throws IOException, InterruptedException {
        return send(withHeaders(request(path).GET(), headerPairs));
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... headerPairs) throws IOException, InterruptedException {
        return postRaw(path, form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")), headerPairs);
    }

    HttpResponse<String> postRaw(String path, String body, String... headerPairs) throws IOException, InterruptedException {
        return send(withHeaders(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headerPairs));
    }

    /** The member's login POST, with any extra headers (a User-Agent, say). */
    HttpResponse<String> logInResponse(String... headerPairs) throws IOException, InterruptedException {
        return post("/login", Map.of("email", DemoCredentials.MEMBER_EMAIL, "password", DemoCredentials.MEMBER_PASSWORD), headerPairs);
    }

    /** Logs the member in and returns the {@code Cookie} header value to send. */
    String logIn(String... headerPairs) throws IOException, InterruptedException {
        var response = logInResponse(headerPairs);
        assertEquals(response.statusCode(), 303);
        return response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder, String... headerPairs) {
        for (int i = 0; i < headerPairs.length; i += 2) {
            builder.header(headerPairs[i], headerPairs[i + 1]);
        }
        return builder;
    }
}
