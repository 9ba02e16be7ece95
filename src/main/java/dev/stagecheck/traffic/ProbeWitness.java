package dev.stagecheck.traffic;

import dev.stagecheck.config.ConfigException;
import dev.stagecheck.safety.SafetyGuard;
import dev.stagecheck.time.Deadline;
import dev.stagecheck.url.SafeUrl;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The witness for browsers that report no network events (WebKit, Firefox and Safari through plain
 * WebDriver): after each navigation it asks the server itself, with the browser's cookies, what the
 * page and each same-site resource the page loaded (Resource Timing) answer. Before a navigation to
 * a known URL it asks first: a 401 with a login challenge would open a modal dialog that wedges
 * WebKit's automation session, so the browser is kept away from it and the probe's answer stands.
 *
 * <p>Probes never act and never multiply: a URL the safety policy refuses is never fetched (its
 * status is noted as unknown), the result of a form's POST is never fetched again with GET, each
 * URL is asked at most once per page load, and an answer the site let be cached is reused for as
 * long as it allows and the same cookies are sent, as the browser's own cache reuses it.
 */
public final class ProbeWitness implements NetworkWitness {
    public static final String METHOD = "HTTP probe with the browser's cookies after each navigation (document and same-site"
            + " resources; this browser reports no network events); console messages are not available";
    private static final Pattern EMBEDDED = Pattern.compile(
            "<(img|script|link|iframe)\\b[^>]*?\\b(src|href)\\s*=\\s*[\"']([^\"']+)[\"'][^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Duration SETTLE = Duration.ofSeconds(5);
    private static final String READ_PAGE = "return {url: location.href, state: document.readyState, resources: performance.getEntriesByType('resource')"
            + ".map(e => ({url: e.name, type: e.initiatorType}))};";

    private final WebDriver driver;
    private final Traffic traffic;
    private final HttpProbe probe;
    private final SafetyGuard guard;
    private final ExecutorService pool = DaemonPool.of(4, "stagecheck-probe");
    private volatile String currentPage = "";
    /** Basic credentials a typed URL carried, sent where the browser keeps sending them. */
    private volatile Optional<TypedCredentials> typedCredentials = Optional.empty();

    /** The URL the browser is being sent to, once asked: the page's status, unless it ends elsewhere. */
    private volatile Optional<String> target = Optional.empty();

    /** The redirect the URL asked first answered: recorded before the page the browser ends on, as the browser's own events show it. */
    private volatile Optional<Exchange> redirect = Optional.empty();

    /** Every answer of the page load under way, by URL: no URL is asked twice in one load. */
    private final Map<String, HttpProbe.Answer> thisLoad = new ConcurrentHashMap<>();

    /** An answer the site let be cached, the request headers it was asked with, and until when it holds. */
    private record Cached(Map<String, String> headers, HttpProbe.Answer answer, Deadline until) {}

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** A form sent with POST: its result page is known only to the browser (asking again with GET is another request). */
    private volatile Optional<Submission> posted = Optional.empty();

    public ProbeWitness(WebDriver driver, Traffic traffic, Duration timeout, SafetyGuard guard) {
        this.driver = driver;
        this.traffic = traffic;
        this.probe = new HttpProbe(timeout);
        this.guard = guard;
        traffic.method(METHOD);
    }

    @Override
    public void beforeSubmit(Submission form) {
        posted = "post".equalsIgnoreCase(form.method()) ? Optional.of(form) : Optional.empty();
    }

    @Override
    public Optional<Exchange> beforeNavigation(String url) {
        thisLoad.clear();
        posted = Optional.empty();
        redirect = Optional.empty();
        if (!url.startsWith("http")) {
            return Optional.empty();
        }
        var typed = TypedCredentials.of(url);
        if (typed.isPresent()) {
            typedCredentials = typed;
        }
        var headers = headers(url);
        HttpProbe.Page page;
        try {
            traffic.probed();
            page = probe.page(url, headers);
        } catch (ConfigException e) {
            return Optional.empty();
        }
        var answer = page.answer();
        var bare = bare(SafeUrl.withoutUserInfo(url));
        thisLoad.put(bare, answer);
        target = answer.status() / 100 == 3 ? Optional.empty() : Optional.of(bare);
        redirect = answer.status() / 100 == 3 ? Optional.of(document(bare, answer.status(), answer.challenges(), Optional.empty())) : Optional.empty();
        if (Headers.isAttachment(answer.headers())) {
            // A download: the browser would save it and stay where it is. The probe's answer is the file link's.
            var exchange = document(url, answer.status(), answer.challenges(), Optional.of(Exchange.FILE));
            traffic.record(exchange);
            return Optional.of(exchange);
        }
        if (answer.status() == 401 && !answer.challenges().isEmpty()) {
            var exchange = document(url, answer.status(), answer.challenges(), Optional.of("not opened in the browser:"
                    + " it would show a login dialog"));
            traffic.record(exchange);
            return Optional.of(exchange);
        }
        // A challenged image or script wedges the browser just the same: look at what the page embeds.
        var challenged = resources(url, embedded(url, page.body()), headers).stream()
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
    private static Map<String, String> embedded(String page, String html) {
        var found = new LinkedHashMap<String, String>();
        var matcher = EMBEDDED.matcher(html == null ? "" : html);
        while (matcher.find()) {
            var tag = matcher.group(1).toLowerCase(Locale.ROOT);
            var reference = matcher.group(3).replace("&amp;", "&");
            if ("link".equals(tag) && !matcher.group(0).toLowerCase(Locale.ROOT).contains("stylesheet")) {
                continue;
            }
            try {
                var resolved = URI.create(page).resolve(reference.trim()).toString();
                if (sameOrigin(page, resolved)) {
                    found.putIfAbsent(bare(resolved), switch (tag) {
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
        return found;
    }

    /**
     * The answers of a page's resources, each asked at most once in this load and only where the
     * safety policy lets the kit ask; a refused one is noted with an unknown status.
     */
    private List<Exchange> resources(String page, Map<String, String> typed, Map<String, String> headers) {
        var asked = typed.entrySet().stream()
                .map(resource -> {
                    var url = resource.getKey();
                    var refusal = guard.probe(url);
                    if (refusal.isPresent()) {
                        traffic.refused(refusal.get(), page);
                        return CompletableFuture.completedFuture(new Exchange("GET", url, 0, resource.getValue(), false, page,
                                List.of(), Optional.of(refusal.get().note())));
                    }
                    return CompletableFuture.supplyAsync(() -> {
                        var answer = answer(url, headers);
                        return new Exchange("GET", url, answer.status(), resource.getValue(), false, page, answer.challenges(), Optional.empty());
                    }, pool);
                })
                .toList();
        return asked.stream().map(CompletableFuture::join).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void afterNavigation() {
        var settled = settledPage();
        var form = posted;
        posted = Optional.empty();
        var before = target;
        target = Optional.empty();
        var hop = redirect;
        redirect = Optional.empty();
        if (settled.isEmpty()) {
            thisLoad.clear();
            return;
        }
        var page = settled.get();
        var url = bare(SafeUrl.withoutUserInfo(String.valueOf(page.get("url"))));
        if (!url.startsWith("http")) {
            thisLoad.clear();
            return;
        }
        var headers = headers(url);
        var resources = ((List<Map<String, Object>>) page.get("resources")).stream()
                .filter(resource -> sameOrigin(url, String.valueOf(resource.get("url"))))
                .collect(Collectors.toMap(r -> bare(String.valueOf(r.get("url"))), r -> type(String.valueOf(r.get("type"))), (a, b) -> a,
                        LinkedHashMap::new));
        hop.filter(first -> !first.url().equals(url)).ifPresent(traffic::record);
        traffic.record(documentAnswer(url, headers, form, before));
        resources(url, resources, headers).forEach(traffic::record);
        currentPage = url;
        thisLoad.clear();
    }

    /**
     * The page's own status. Where a form was POSTed and the browser shows the form's own URL, the
     * page is the POST's answer (or a redirect back to it, which cannot be told apart): asking that
     * URL with GET would be another request with another answer (a false 405), so it stays unknown.
     */
    private Exchange documentAnswer(String url, Map<String, String> headers, Optional<Submission> form, Optional<String> before) {
        if (form.isPresent() && bare(SafeUrl.withoutUserInfo(form.get().action())).equals(url)) {
            return document(url, 0, List.of(), Optional.of(Exchange.UNKNOWN + "the answer to a form sent with POST (not asked again with GET)"));
        }
        var known = before.filter(url::equals).map(thisLoad::get);
        if (known.isPresent()) {
            return document(url, known.get().status(), known.get().challenges(),
                    Exchange.noteOf(known.get().status(), known.get()::header));
        }
        var refusal = guard.navigation(url);
        if (refusal.isPresent()) {
            // The browser went somewhere the kit would not have sent it (a redirect, a script): do not follow it with a probe.
            traffic.refused(refusal.get(), currentPage);
            return document(url, 0, List.of(), Optional.of(refusal.get().note()));
        }
        var answer = answer(url, headers);
        return document(url, answer.status(), answer.challenges(), Exchange.noteOf(answer.status(), answer::header));
    }

    /**
     * The page once the browser is on it. A click can return while the old page is still unloading:
     * the script then fails or still reads the old page, so read again (briefly) until the page is
     * loaded and is the one asked for, or at least no longer the one left.
     */
    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> settledPage() {
        var wanted = target;
        var left = currentPage;
        var last = new AtomicReference<Optional<Map<String, Object>>>(Optional.empty());
        Deadline.after(SETTLE).poll(() -> {
            try {
                var page = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(READ_PAGE);
                last.set(Optional.ofNullable(page));
                if (page == null || !"complete".equals(page.get("state"))) {
                    return false;
                }
                var url = bare(SafeUrl.withoutUserInfo(String.valueOf(page.get("url"))));
                return wanted.map(url::equals).orElse(true) || !url.equals(left);
            } catch (WebDriverException e) {
                return false; // The old document is going away: the next read finds the new one.
            }
        });
        return last.get();
    }

    private Exchange document(String url, int status, List<String> challenges, Optional<String> note) {
        return new Exchange("GET", url, status, "Document", true, currentPage, challenges, note);
    }

    /**
     * What a URL answers: from this load or the cache when asked already, else one plain GET. An
     * unreachable URL becomes status 0 with the reason, as a failed load would.
     */
    private HttpProbe.Answer answer(String url, Map<String, String> headers) {
        var key = SafeUrl.withoutUserInfo(url);
        var earlier = thisLoad.get(key);
        if (earlier != null) {
            return earlier;
        }
        var cached = cache.get(key);
        if (cached != null && cached.headers().equals(headers) && !cached.until().passed()) {
            return cached.answer();
        }
        HttpProbe.Answer answer;
        try {
            traffic.probed();
            answer = probe.get(url, headers);
        } catch (ConfigException e) {
            answer = new HttpProbe.Answer(SafeUrl.of(url), 0, Map.of());
        }
        thisLoad.put(key, answer);
        var fresh = freshFor(answer);
        if (fresh.isPresent()) {
            cache.put(key, new Cached(Map.copyOf(headers), answer, Deadline.after(fresh.get())));
        }
        return answer;
    }

    /** How long a browser may reuse this answer without asking: a 2xx with {@code max-age}, and neither no-store nor no-cache. */
    static Optional<Duration> freshFor(HttpProbe.Answer answer) {
        if (answer.status() < 200 || answer.status() >= 300) {
            return Optional.empty();
        }
        var control = String.join(",", answer.header("Cache-Control")).toLowerCase(Locale.ROOT);
        if (control.contains("no-store") || control.contains("no-cache")) {
            return Optional.empty();
        }
        var maxAge = MAX_AGE.matcher(control);
        return maxAge.find() && Long.parseLong(maxAge.group(1)) > 0 ? Optional.of(Duration.ofSeconds(Long.parseLong(maxAge.group(1))))
                : Optional.empty();
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
        TypedCredentials.of(url).or(() -> typedCredentials.filter(typed -> typed.cover(url)))
                .ifPresent(typed -> headers.put("Authorization", typed.authorization()));
        return headers;
    }

    private static String bare(String url) {
        return url.replaceFirst("#.*$", "");
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
        target = Optional.empty();
        posted = Optional.empty();
        thisLoad.clear();
        cache.clear();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
