package dev.stagecheck.selftest;

import com.sun.net.httpserver.HttpServer;
import dev.stagecheck.safety.SafetyGuard;
import dev.stagecheck.safety.SafetyPolicy;
import dev.stagecheck.traffic.RecordingProxy;
import dev.stagecheck.traffic.Traffic;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

/**
 * The proxy WebKit's requests pass through on a plain-http site: it records what the browser got,
 * keeps the login challenge out of the browser's way, and applies the safety policy to the
 * browser's own requests.
 */
public class RecordingProxyTest {
    private HttpServer site;
    private RecordingProxy proxy;
    private HttpClient browser;
    private final Traffic traffic = new Traffic();
    private final SafetyGuard guard = new SafetyGuard(SafetyPolicy.defaults());
    private final List<String> arrived = new CopyOnWriteArrayList<>();

    @BeforeClass
    public void start() throws IOException {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            arrived.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            var body = "<title>ok</title>".getBytes(StandardCharsets.UTF_8);
            var status = 200;
            if (exchange.getRequestURI().getPath().startsWith("/admin")) {
                var authorization = exchange.getRequestHeaders().getFirst("Authorization");
                if (authorization == null) {
                    exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"Admin\"");
                    status = 401;
                }
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        proxy = RecordingProxy.start(Duration.ofSeconds(5));
        proxy.attach(traffic, guard);
        var address = proxy.address().split(":");
        browser = HttpClient.newBuilder().proxy(ProxySelector.of(new InetSocketAddress(address[0], Integer.parseInt(address[1])))).build();
    }

    @AfterClass(alwaysRun = true)
    public void stop() {
        proxy.close();
        site.stop(0);
    }

    @BeforeMethod
    public void forget() {
        traffic.clear();
        arrived.clear();
    }

    @Test(description = "a 401 reaches the browser without its challenge (no login dialog), and the record keeps the challenge")
    public void theChallengeIsRecordedButKeptFromTheBrowser() throws Exception {
        var answer = send("GET", "/admin/", "document");
        assertEquals(answer.statusCode(), 401, "the browser gets the 401 page");
        assertTrue(answer.headers().firstValue("WWW-Authenticate").isEmpty(), "but no challenge that would open a login dialog");
        var recorded = traffic.exchanges();
        assertEquals(recorded.size(), 1, "one exchange recorded: " + recorded);
        assertEquals(recorded.get(0).status(), 401);
        assertEquals(recorded.get(0).challenges(), List.of("Basic realm=\"Admin\""), "the record keeps the challenge");
        assertTrue(recorded.get(0).isPage(), "a document request is the page");
    }

    @Test(description = "a page's POST outside a declared check never reaches the site; inside one it does")
    public void aPostIsStoppedUnlessTheCheckIsDeclared() throws Exception {
        var stopped = send("POST", "/wp-admin/admin-ajax.php", "empty");
        assertEquals(stopped.statusCode(), 204, "a refused request gets an empty answer");
        assertTrue(arrived.isEmpty(), "the site must not have seen the POST: " + arrived);
        assertTrue(traffic.refusals().table().contains("method POST"), "the refusal is listed: " + traffic.refusals().table());
        var declared = guard.declared(() -> {
            try {
                return send("POST", "/contact", "document");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(declared.statusCode(), 200, "the declared form check may POST");
        assertEquals(arrived, List.of("POST /contact"), "and the site got it once");
    }

    @Test(description = "a document the policy refuses (a redirect to a logout link) is not opened; the page's own resources pass")
    public void aRefusedDocumentIsNotOpenedButResourcesPass() throws Exception {
        var refused = send("GET", "/wp-login.php?action=logout&_wpnonce=abc", "document");
        assertEquals(refused.statusCode(), 204, "a refused document is not opened");
        assertTrue(arrived.isEmpty(), "the site must not have seen it: " + arrived);
        assertTrue(traffic.exchanges().get(0).isUnknown(), "the page is recorded as not opened, not as broken: " + traffic.exchanges());
        var image = send("GET", "/cdn/photo.jpg?sig=abc", "image");
        assertEquals(image.statusCode(), 200, "a page's own image with a signature passes");
    }

    private HttpResponse<String> send(String method, String path, String dest) throws Exception {
        var uri = URI.create("http://127.0.0.1:" + site.getAddress().getPort() + path);
        var request = HttpRequest.newBuilder(uri).header("Sec-Fetch-Dest", dest)
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("a=1") : HttpRequest.BodyPublishers.noBody())
                .build();
        return browser.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
