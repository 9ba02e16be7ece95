package dev.stagecheck.traffic;

import dev.stagecheck.config.ConfigException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The witness for browsers that report no network events (WebKit, Firefox and Safari through plain
 * WebDriver): after each navigation it asks the server itself, with the browser's cookies, what the
 * page and each same-site resource the page loaded (Resource Timing) answer. Before a navigation to
 * a known URL it asks first: a 401 with a login challenge would open a modal dialog that wedges
 * WebKit's automation session, so the browser is kept away from it and the probe's answer stands.
 */
public final class ProbeWitness implements NetworkWitness {
    public static final String METHOD = "HTTP probe with the browser's cookies after each navigation (document and same-site"
            + " resources; this browser reports no network events); console messages are not available";
    private static final Pattern EMBEDDED = Pattern.compile(
            "<(img|script|link|iframe)\\b[^>]*?\\b(src|href)\\s*=\\s*[\"']([^\"']+)[\"'][^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final Duration SETTLE_POLL = Duration.ofMillis(25);
    private static final String READ_PAGE = "return {url: location.href, state: document.readyState, resources: performance.getEntriesByType('resource')"
            + ".map(e => ({url: e.name, type: e.initiatorType}))};";

    private final WebDriver driver;
    private final Traffic traffic;
    private final HttpProbe probe;
    private final ExecutorService pool = DaemonPool.of(4, "stagecheck-probe");
    private volatile String currentPage = "";
    /**
     * Basic credentials a typed URL carried, and the URL prefix they cover: the browser keeps sending
     * them there (as browsers do for a protection space), but location.href no longer shows them.
     */
    private record Credentials(String prefix, String authorization) {}

    private volatile Optional<Credentials> typedCredentials = Optional.empty();

    /** The answer fetched just before the browser went to a URL: the page's status, unless it ends elsewhere. */
    private record Asked(String url, HttpProbe.Answer answer) {}

    private volatile Optional<Asked> askedBefore = Optional.empty();

    public ProbeWitness(WebDriver driver, Traffic traffic, Duration timeout) {
        this.driver = driver;
        this.traffic = traffic;
        this.probe = new HttpProbe(timeout);
        traffic.method(METHOD);
    }

    @Override
    public Optional<Exchange> beforeNavigation(String url) {
        if (!url.startsWith("http")) {
            return Optional.empty();
        }
        var headers = headers(url);
        if (URI.create(url).getRawUserInfo() != null) {
            var plain = SafeUrl.of(url);
            typedCredentials = Optional.of(new Credentials(plain.substring(0, plain.lastIndexOf('/') + 1), headers.get("Authorization")));
        }
        HttpProbe.Page page;
        try {
            page = probe.page(url, headers);
        } catch (ConfigException e) {
            return Optional.empty();
        }
        var answer = page.answer();
        askedBefore = answer.status() / 100 == 3 ? Optional.empty() : Optional.of(new Asked(SafeUrl.of(url).replaceFirst("#.*$", ""), answer));
        if (answer.status() == 401 && !answer.challenges().isEmpty()) {
            var exchange = document(url, answer.status(), answer.challenges(), Optional.of("not opened in the browser:"
                    + " it would show a login dialog"));
            traffic.record(exchange);
            return Optional.of(exchange);
        }
        // A challenged image or script wedges the browser just the same: look at what the page embeds.
        var challenged = embedded(url, page.body()).stream()
                .map(resource -> CompletableFuture.supplyAsync(() -> {
                    var asked = ask(resource.getKey(), headers);
                    return new Exchange("GET", resource.getKey(), asked.status(), resource.getValue(), false, url,
                            asked.challenges(), Optional.empty());
                }, pool))
                .toList().stream().map(CompletableFuture::join)
                .filter(exchange -> exchange.isUnauthorized() && !exchange.challenges().isEmpty())
                .toList();
        if (challenged.isEmpty()) {
            return Optional.empty();
        }
        var exchange = document(url, answer.status(), answer.challenges(), Optional.of("not opened in the browser: "
                + challenged.stream().map(Exchange::url).collect(Collectors.joining(", ")) + " would show a login dialog"));
        traffic.record(exchange);
        challenged.forEach(traffic::record);
        return Optional.of(exchange);
    }

    /** Same-site images, scripts, stylesheets and frames a page's HTML names, with their resource type. */
    private static List<Map.Entry<String, String>> embedded(String page, String html) {
        var found = new LinkedHashMap<String, String>();
        var matcher = EMBEDDED.matcher(html == null ? "" : html);
        while (matcher.find()) {
            var tag = matcher.group(1).toLowerCase(java.util.Locale.ROOT);
            var reference = matcher.group(3).replace("&amp;", "&");
            if ("link".equals(tag) && !matcher.group(0).toLowerCase(java.util.Locale.ROOT).contains("stylesheet")) {
                continue;
            }
            try {
                var resolved = URI.create(page).resolve(reference.trim()).toString();
                if (sameOrigin(page, resolved)) {
                    found.putIfAbsent(resolved.replaceFirst("#.*$", ""), switch (tag) {
                        case "img" -> "Image";
                        case "script" -> "Script";
                        case "link" -> "Stylesheet";
                        default -> "Document";
                    });
                }
            } catch (IllegalArgumentException e) {
                // Not a URL we can resolve: the browser will not load it either.
            }
        }
        return List.copyOf(found.entrySet());
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterNavigation() {
        var settled = settledPage();
        if (settled.isEmpty()) {
            return;
        }
        var page = settled.get();
        var url = String.valueOf(page.get("url")).replaceFirst("#.*$", "");
        if (!url.startsWith("http")) {
            return;
        }
        var headers = headers(url);
        var resources = ((List<Map<String, Object>>) page.get("resources")).stream()
                .filter(resource -> sameOrigin(url, String.valueOf(resource.get("url"))))
                .collect(Collectors.toMap(r -> String.valueOf(r.get("url")), r -> type(String.valueOf(r.get("type"))), (a, b) -> a,
                        LinkedHashMap::new));
        var asked = resources.entrySet().stream()
                .map(resource -> CompletableFuture.supplyAsync(() -> {
                    var answer = ask(resource.getKey(), headers);
                    return new Exchange("GET", resource.getKey(), answer.status(), resource.getValue(), false, url,
                            answer.challenges(), Optional.empty());
                }, pool))
                .toList();
        // The page was fetched a moment ago, just before the browser went there: ask again only if it ended elsewhere.
        var before = askedBefore;
        askedBefore = Optional.empty();
        var answer = before.filter(earlier -> earlier.url().equals(SafeUrl.of(url))).map(Asked::answer).orElseGet(() -> ask(url, headers));
        traffic.record(document(url, answer.status(), answer.challenges(), Optional.empty()));
        asked.forEach(exchange -> traffic.record(exchange.join()));
        currentPage = url;
    }

    /**
     * The page once the browser is on it. A click can return while the old page is still unloading:
     * the script then fails or still reads the old page, so read again (briefly) until the page is
     * loaded and is the one asked for, or at least no longer the one left.
     */
    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> settledPage() {
        var target = askedBefore.map(Asked::url);
        var left = currentPage;
        var deadline = System.nanoTime() + SETTLE.toNanos();
        Optional<Map<String, Object>> last = Optional.empty();
        while (true) {
            try {
                var page = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(READ_PAGE);
                last = Optional.ofNullable(page);
                if (page != null && "complete".equals(page.get("state"))) {
                    var url = SafeUrl.of(String.valueOf(page.get("url"))).replaceFirst("#.*$", "");
                    if (target.map(url::equals).orElse(true) || !url.equals(left)) {
                        return last;
                    }
                }
            } catch (WebDriverException e) {
                // The old document is going away: the next read finds the new one.
            }
            if (System.nanoTime() > deadline) {
                return last;
            }
            LockSupport.parkNanos(SETTLE_POLL.toNanos());
        }
    }

    private Exchange document(String url, int status, List<String> challenges, Optional<String> note) {
        return new Exchange("GET", url, status, "Document", true, currentPage, challenges, note);
    }

    /** One plain GET; an unreachable URL becomes status 0 with the reason, as a failed load would. */
    private HttpProbe.Answer ask(String url, Map<String, String> headers) {
        try {
            return probe.get(url, headers);
        } catch (ConfigException e) {
            return new HttpProbe.Answer(SafeUrl.of(url), 0, Map.of());
        }
    }

    /** The browser's cookies for the current page, and the user:password a URL carries, as request headers. */
    private Map<String, String> headers(String url) {
        var headers = new LinkedHashMap<String, String>();
        try {
            var cookies = driver.manage().getCookies().stream()
                    .map(cookie -> cookie.getName() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; "));
            if (!cookies.isEmpty()) {
                headers.put("Cookie", cookies);
            }
        } catch (WebDriverException e) {
            // No document yet (about:blank): no cookies to send.
        }
        var userInfo = URI.create(url).getRawUserInfo();
        if (userInfo != null) {
            var decoded = URLDecoder.decode(userInfo, StandardCharsets.UTF_8);
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(decoded.getBytes(StandardCharsets.UTF_8)));
        } else {
            typedCredentials.filter(typed -> url.startsWith(typed.prefix()))
                    .ifPresent(typed -> headers.put("Authorization", typed.authorization()));
        }
        return headers;
    }

    private static boolean sameOrigin(String page, String resource) {
        try {
            var a = URI.create(page);
            var b = URI.create(resource);
            return a.getScheme().equals(b.getScheme()) && a.getHost().equals(b.getHost()) && a.getPort() == b.getPort();
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** Resource Timing's initiatorType in the words the CDP witness uses, so reports read the same. */
    private static String type(String initiator) {
        return switch (initiator) {
            case "img", "image" -> "Image";
            case "link", "css" -> "Stylesheet";
            case "script" -> "Script";
            case "fetch" -> "Fetch";
            case "xmlhttprequest" -> "XHR";
            default -> "Other";
        };
    }

    @Override
    public void forget() {
        currentPage = "";
        typedCredentials = Optional.empty();
        askedBefore = Optional.empty();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
