package dev.stagecheck.report;

import dev.stagecheck.config.ConfigLayers;
import dev.stagecheck.config.OneLine;
import dev.stagecheck.config.SettingKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The URL a failure notice is POSTed to (webhook.url). Such URLs usually carry their token in the
 * path or query, so this class names only the host in anything it prints, and a webhook that is
 * down costs at most {@link #TIMEOUT} and one line: the run's own result stands either way.
 */
public final class Webhook {
    private static final Logger log = LoggerFactory.getLogger(Webhook.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI uri;

    Webhook(URI uri) {
        this.uri = uri;
    }

    /** The value that sends no notice even where STAGECHECK_WEBHOOK_URL is set: {@code -Dwebhook.url=off}. */
    public static final String OFF = "off";

    /** The configured webhook; empty when none is set, it is {@value #OFF} or the value is unusable (said in one line). */
    public static Optional<Webhook> configured(ConfigLayers layers) {
        var key = SettingKey.WEBHOOK_URL.key();
        var value = layers.find(key);
        if (value.isEmpty() || value.get().equalsIgnoreCase(OFF)) {
            return Optional.empty();
        }
        try {
            var uri = new URI(value.get());
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank()) {
                return Optional.of(new Webhook(uri));
            }
        } catch (URISyntaxException e) {
            // reported below, without the value: it may hold the token
        }
        log.info("{} ({}) is not an http(s) URL with a host, so no failure notice will be sent: give e.g. -D{}=https://hooks.example.com/...",
                key, layers.origin(key, "the profile"), key);
        return Optional.empty();
    }

    /** What may be shown of this webhook: its host, never the path or query that hold the token. */
    public String host() {
        return uri.getHost();
    }

    /** POSTs the JSON; prints one line saying how it went and never throws. True when accepted (2xx). */
    public boolean post(String json) {
        try {
            var client = HttpClient.newBuilder()
                    .connectTimeout(TIMEOUT)
                    // A redirect would carry the notice somewhere the user did not name.
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            var request = HttpRequest.newBuilder(uri)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "stagecheck")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .build();
            var status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                log.info("failure notice sent to webhook at {} (HTTP {})", host(), status);
                return true;
            }
            // No response body here: a webhook's error page may echo the request, token included.
            return notSent("HTTP " + status);
        } catch (HttpConnectTimeoutException e) {
            return notSent("no connection within " + TIMEOUT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            return notSent("no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (ConnectException e) {
            return notSent("cannot connect: " + reason(e));
        } catch (IOException | RuntimeException e) {
            return notSent(reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return notSent("interrupted");
        }
    }

    private boolean notSent(String why) {
        log.info("could not send the failure notice to webhook at {} ({}); the run's result stands", host(), why);
        return false;
    }

    /** An exception's first line, unless it might quote the URL's path or query (the token). */
    private String reason(Exception e) {
        var message = e.getMessage();
        if (message == null || message.isBlank() || quotes(message, uri.getRawPath()) || quotes(message, uri.getPath())
                || quotes(message, uri.getRawQuery()) || quotes(message, uri.getQuery())) {
            return e.getClass().getSimpleName();
        }
        return e.getClass().getSimpleName() + ": " + OneLine.of(message);
    }

    private static boolean quotes(String message, String part) {
        return part != null && part.length() > 1 && message.contains(part);
    }
}
