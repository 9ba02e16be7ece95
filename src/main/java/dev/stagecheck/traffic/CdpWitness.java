package dev.stagecheck.traffic;

import dev.stagecheck.config.OneLine;
import dev.stagecheck.devtools.DevToolsConnection;
import dev.stagecheck.safety.Refusal;
import dev.stagecheck.safety.SafetyGuard;
import dev.stagecheck.url.BrowserOwnUrl;
import dev.stagecheck.url.SafeUrl;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Records every response and console message of a Chromium-family browser, from the events of its
 * DevTools connection, and holds each request the browser sends (paused) to the safety guard.
 * Redirect responses arrive inside requestWillBeSent, failed loads in loadingFailed; both are kept.
 * A page load that became a download ends in loadingFailed (net::ERR_ABORTED), before or after its
 * response: its status is kept all the same, as a file link's.
 */
public final class CdpWitness implements NetworkWitness {
    private record Pending(String method, String url, String type, boolean topLevel, String page) {}

    /** Requests a page's script made, whose answer it reads itself (or not). */
    private static final Set<String> SCRIPT_REQUESTS = Set.of("Fetch", "XHR");
    /**
     * Chromium's console note when it did not show a beforeunload question (the visitor never clicked
     * on the page): the page asked all the same, which is the page's dialog, not a console error.
     */
    private static final String BLOCKED_BEFOREUNLOAD = "Blocked attempt to show a 'beforeunload' confirmation panel";

    private final DevToolsConnection cdp;
    private final Traffic traffic;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    /** Raw status and headers as they came off the wire, by request: the only trace of a 401 Chromium gave up on. */
    private final Map<String, Map<String, Object>> wireResponses = new ConcurrentHashMap<>();
    /** Loads that failed, by request: a response or wire event for them may still come (events arrive out of order). */
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    /** Tab documents whose load the browser dropped (ERR_ABORTED): a download, whose response may still come. */
    private final Map<String, Pending> aborted = new ConcurrentHashMap<>();
    private volatile String currentPage = "";
    private volatile String mainFrameId = "";
    private final ExecutorService continuations = DaemonPool.of(4, "stagecheck-cdp-continue");
    private final SafetyGuard guard;
    /** Requests the guard stopped, by network id: their failure is the guard's doing, not the site's. */
    private final Set<String> stopped = ConcurrentHashMap.newKeySet();
    /** Requests the browser answered from its memory cache (Network.requestServedFromCache): the server was not asked. */
    private final Set<String> servedFromCache = ConcurrentHashMap.newKeySet();
    /**
     * Requests of the browser's own (its PDF viewer, a built-in page), by request id: no resource of
     * the site's, and never a page's. Their late events would otherwise land on the next page shown.
     */
    private final Set<String> browserOwn = ConcurrentHashMap.newKeySet();
    /**
     * Script worlds the site's scripts do not run in: the browser's own pages and components, and
     * isolated worlds (an extension's, a driver's). Their errors are not the site's.
     */
    private final Set<Object> foreignContexts = ConcurrentHashMap.newKeySet();
    private AuthDialogCanceller challenges;

    private CdpWitness(DevToolsConnection cdp, Traffic traffic, SafetyGuard guard) {
        this.cdp = cdp;
        this.traffic = traffic;
        this.guard = guard;
    }

    /**
     * Starts recording, and puts every request the browser sends through {@code guard}: the requests
     * pause anyway (see listen), so the safety policy costs no extra round trip. The connection
     * stays its owner's to close.
     */
    public static CdpWitness attach(DevToolsConnection cdp, Traffic traffic, SafetyGuard guard) {
        var witness = new CdpWitness(cdp, traffic, guard);
        witness.listen();
        traffic.method("CDP Network events (browser's own)");
        return witness;
    }

    private void listen() {
        cdp.on("Network.requestWillBeSent", this::onRequest);
        cdp.on("Network.responseReceived", this::onResponse);
        cdp.on("Network.responseReceivedExtraInfo", this::onWireResponse);
        cdp.on("Network.loadingFailed", this::onFailure);
        cdp.on("Network.loadingFinished", event -> {
            if (!browserOwn.remove(text(event.get("requestId")))) {
                traffic.ended(text(event.get("requestId")));
            }
        });
        // A copy from the memory cache ends with this alone: no loadingFinished follows.
        cdp.on("Network.requestServedFromCache", event -> {
            // A memory-cache copy: its response (if any follows) carries no cache flag of its own.
            servedFromCache.add(text(event.get("requestId")));
            traffic.ended(text(event.get("requestId")));
        });
        cdp.on("Runtime.executionContextCreated", this::onContext);
        cdp.on("Runtime.executionContextDestroyed", event -> foreignContexts.remove(event.get("executionContextId")));
        cdp.on("Runtime.executionContextsCleared", event -> foreignContexts.clear());
        cdp.on("Runtime.consoleAPICalled", this::onConsole);
        cdp.on("Runtime.exceptionThrown", this::onException);
        cdp.on("Log.entryAdded", this::onLogEntry);
        challenges = AuthDialogCanceller.attach(cdp);
        cdp.on("Fetch.requestPaused", this::onRequestPaused);
        var tree = map(cdp.send("Page.getFrameTree", Map.of()).get("frameTree"));
        mainFrameId = text(map(tree.get("frame")).get("id"));
        cdp.send("Network.enable", Map.of());
        cdp.send("Runtime.enable", Map.of());
        cdp.send("Log.enable", Map.of());
        // Every login challenge is cancelled (AuthDialogCanceller), so its 401 arrives as a response.
        // Chromium refuses auth handling without request patterns, so every request pauses too and is
        // let go at once (onRequestPaused).
        cdp.send("Fetch.enable", Map.of("handleAuthRequests", true, "patterns", List.of(Map.of("urlPattern", "*"))));
    }

    @Override
    public boolean answersChallenges() {
        return true;
    }

    @Override
    public void answeringChallenges(ChallengeCredentials credentials, Runnable action) {
        challenges.answering(credentials, action);
    }

    /** Forgets requests of the previous test (called when the browser is reset between tests). */
    @Override
    public synchronized void forget() {
        pending.clear();
        wireResponses.clear();
        failures.clear();
        aborted.clear();
        stopped.clear();
        browserOwn.clear();
    }

    private synchronized void onRequest(Map<String, Object> event) {
        var request = map(event.get("request"));
        var requestId = text(event.get("requestId"));
        var type = text(event.getOrDefault("type", "Other"));
        var url = text(request.get("url"));
        if (BrowserOwnUrl.is(url) || BrowserOwnUrl.is(text(event.get("documentURL")))) {
            browserOwn.add(requestId);
            return;
        }
        var redirect = map(event.get("redirectResponse"));
        var earlier = pending.get(requestId);
        if (!redirect.isEmpty() && earlier != null) {
            // The 3xx that led here never gets a responseReceived of its own.
            traffic.record(requestId + "/" + traffic.size(), exchange(earlier, redirect, Optional.empty(), false));
            wireResponses.remove(requestId); // The 3xx's own: the next hop's answer is still to come.
        }
        var page = "Document".equals(type)
                ? (earlier != null ? earlier.page() : referer(request))
                : text(event.get("documentURL"));
        var topLevel = "Document".equals(type) && mainFrameId.equals(text(event.get("frameId")));
        pending.put(requestId, new Pending(text(request.get("method")), url, type, topLevel, page));
        traffic.started(requestId, url, type, topLevel, page);
    }

    private synchronized void onResponse(Map<String, Object> event) {
        var requestId = text(event.get("requestId"));
        if (browserOwn.contains(requestId)) {
            return;
        }
        var response = map(event.get("response"));
        var download = aborted.remove(requestId);
        // Events may come out of order: a response before its request is still the tab's document when it says so.
        var type = text(event.getOrDefault("type", "Other"));
        var request = download != null ? download : pending.getOrDefault(requestId, new Pending("GET", text(response.get("url")), type,
                "Document".equals(type) && mainFrameId.equals(text(event.get("frameId"))), currentPage));
        var headers = map(response.get("headers"));
        var status = ((Number) response.getOrDefault("status", 0)).intValue();
        var note = Optional.ofNullable(failures.remove(requestId)).or(() -> Exchange.noteOf(status, name -> Headers.all(headers, name)));
        if (request.topLevel() && (download != null || Headers.isAttachment(headers))) {
            note = Optional.of(Exchange.FILE); // Saved, not shown: the tab stays on the page before.
        } else if (request.topLevel()) {
            currentPage = text(response.get("url"));
        }
        traffic.record(requestId, exchange(request, response, note, servedFromCache.remove(requestId)));
        pending.remove(requestId);
        wireResponses.remove(requestId);
        if (SCRIPT_REQUESTS.contains(request.type())) {
            // Answered: its body is the script's to read. Chromium reports a fetch whose body the
            // script never reads (only answer.ok) as loading for as long as the page lives when the
            // answer says no-store, which an API's 401 often does; the page's network must not wait on it.
            traffic.ended(requestId);
        }
    }

    private synchronized void onWireResponse(Map<String, Object> event) {
        var requestId = text(event.get("requestId"));
        if (browserOwn.contains(requestId)) {
            return;
        }
        var request = pending.get(requestId);
        var download = aborted.get(requestId);
        if (download != null) {
            if (!isRedirect(event)) {
                // A download's status, in case its responseReceived never comes (that one replaces this when it does).
                traffic.record(requestId, fromWire(download, event, Exchange.FILE));
            }
            return;
        }
        if (request == null) {
            return; // Answered already: its responseReceived said it all (and keeping it would pile up over a crawl).
        }
        wireResponses.put(requestId, event);
        if (failures.containsKey(requestId) && answers(event, failures.get(requestId))) {
            traffic.record(requestId, fromWire(request, event, failures.get(requestId)));
        }
    }

    /**
     * A load that ended without a rendered response. A 401 with a challenge the headless browser
     * cannot answer ends here (net::ERR_INVALID_AUTH_CREDENTIALS), sometimes without any
     * responseReceived: its status and challenge then come from the wire-level event.
     */
    private synchronized void onFailure(Map<String, Object> event) {
        var requestId = text(event.get("requestId"));
        if (browserOwn.remove(requestId)) {
            return;
        }
        try {
            recordFailure(requestId, event);
        } finally {
            // Only once its failure is recorded: a wait for the page's network to go quiet must see it.
            traffic.ended(requestId);
        }
    }

    private void recordFailure(String requestId, Map<String, Object> event) {
        var request = pending.get(requestId);
        var error = text(event.get("errorText"));
        var dropped = Boolean.TRUE.equals(event.get("canceled")) || error.contains("ERR_ABORTED");
        if (request == null && Exchange.isCutShort(error)) {
            // Its answer came, and then its body ended early: that answer is kept, with what went wrong.
            traffic.note(requestId, error);
            return;
        }
        if (request == null || dropped || stopped.remove(requestId)) {
            pending.remove(requestId);
            if (request != null && dropped && request.topLevel()) {
                aborted.put(requestId, request);
                var wire = wireResponses.remove(requestId);
                if (wire != null && !isRedirect(wire)) {
                    traffic.record(requestId, fromWire(request, wire, Exchange.FILE));
                }
            }
            return;
        }
        failures.put(requestId, error);
        var wire = wireResponses.get(requestId);
        traffic.record(requestId, wire != null && answers(wire, error) ? fromWire(request, wire, error)
                : new Exchange(request.method(), request.url(), 0, request.type(), request.topLevel(), request.page(),
                        List.of(), Optional.of(error)));
    }

    /**
     * Whether a wire answer is the one a failed load ended on: a 3xx only when the browser refused
     * that redirect's Location (net::ERR_INVALID_REDIRECT, ERR_UNSAFE_REDIRECT); else it is a hop
     * whose ExtraInfo came late, or one of a loop (ERR_TOO_MANY_REDIRECTS, judged as a loop).
     */
    private static boolean answers(Map<String, Object> wire, String error) {
        return !isRedirect(wire) || error.contains("ERR_INVALID_REDIRECT") || error.contains("ERR_UNSAFE_REDIRECT");
    }

    /** A hop's wire answer (its ExtraInfo may come late): never a download's own, which is the last hop's. */
    private static boolean isRedirect(Map<String, Object> wire) {
        var status = ((Number) wire.getOrDefault("statusCode", 0)).intValue();
        return status >= 300 && status < 400;
    }

    private static Exchange fromWire(Pending request, Map<String, Object> wire, String error) {
        var status = ((Number) wire.getOrDefault("statusCode", 0)).intValue();
        return new Exchange(request.method(), request.url(), status, request.type(), request.topLevel(), request.page(),
                Headers.all(map(wire.get("headers")), "WWW-Authenticate"), Optional.of(error));
    }

    private Exchange exchange(Pending request, Map<String, Object> response, Optional<String> error, boolean fromMemoryCache) {
        var status = ((Number) response.getOrDefault("status", 0)).intValue();
        // Kept so that an answer the server never gave (a page out of the HTTP cache) is known as such.
        var fromCache = fromMemoryCache || Boolean.TRUE.equals(response.get("fromDiskCache")) || Boolean.TRUE.equals(response.get("fromMemoryCache"))
                || Boolean.TRUE.equals(response.get("fromPrefetchCache"));
        return new Exchange(request.method(), text(response.get("url")), status, request.type(), request.topLevel(), request.page(),
                Headers.all(map(response.get("headers")), "WWW-Authenticate"), error, fromCache);
    }

    /**
     * Lets a paused request go on. Sent from a small pool, not from the event thread: a page's
     * stylesheet, script and images are requested together, and answering them one round trip
     * after another held each page load up by several milliseconds.
     */
    private void onRequestPaused(Map<String, Object> event) {
        var requestId = text(event.get("requestId"));
        var request = map(event.get("request"));
        // The tab's own document: a frame inside the page is the page's content, as its images are.
        var page = "Document".equals(text(event.get("resourceType"))) && mainFrameId.equals(text(event.get("frameId")));
        var refusal = guard.browserRequest(text(request.get("method")), text(request.get("url")), page);
        if (refusal.isPresent()) {
            stop(event, refusal.get(), page);
            return;
        }
        try {
            continuations.execute(() -> cdp.sendQuietly("Fetch.continueRequest", Map.of("requestId", requestId)));
        } catch (RejectedExecutionException e) {
            // Closing: the browser is going away with its requests.
        }
    }

    /**
     * Fails a request the safety policy refuses, as an ad blocker would, and notes it. A page the
     * browser was about to open (a redirect to a logout link, a script sending it there) is recorded
     * as a page that was not opened, so the navigation ends at once and no check takes it for broken.
     */
    private void stop(Map<String, Object> event, Refusal refusal, boolean page) {
        var networkId = text(event.get("networkId"));
        stopped.add(networkId);
        var from = currentPage;
        traffic.refused(refusal, from);
        if (page) {
            traffic.record(networkId, new Exchange(text(map(event.get("request")).get("method")), refusal.url(), 0, "Document", true,
                    from, List.of(), Optional.of(refusal.note())));
        }
        var requestId = text(event.get("requestId"));
        try {
            continuations.execute(() -> cdp.sendQuietly("Fetch.failRequest", Map.of("requestId", requestId, "errorReason", "BlockedByClient")));
        } catch (RejectedExecutionException e) {
            // Closing: the browser is going away with its requests.
        }
    }

    private void onContext(Map<String, Object> event) {
        var context = map(event.get("context"));
        var aux = map(context.get("auxData"));
        if (BrowserOwnUrl.is(text(context.get("origin"))) || Boolean.FALSE.equals(aux.get("isDefault"))) {
            foreignContexts.add(context.get("id"));
        }
    }

    private void onConsole(Map<String, Object> event) {
        if (foreignContexts.contains(event.get("executionContextId"))) {
            return;
        }
        var level = text(event.get("type"));
        var args = event.get("args") instanceof List<?> list ? list : List.of();
        var text = new StringBuilder();
        for (var arg : args) {
            var value = map(arg);
            text.append(text.length() == 0 ? "" : " ")
                    .append(text(value.containsKey("value") ? value.get("value") : value.get("description")));
        }
        traffic.record(new ConsoleEntry(level, text.toString(), currentPage));
    }

    private void onException(Map<String, Object> event) {
        var details = map(event.get("exceptionDetails"));
        if (foreignContexts.contains(details.get("executionContextId")) || BrowserOwnUrl.is(text(details.get("url")))) {
            return;
        }
        var exception = map(details.get("exception"));
        var text = exception.containsKey("description") ? text(exception.get("description")) : text(details.get("text"));
        traffic.record(new ConsoleEntry("exception", OneLine.of(text), currentPage));
    }

    private void onLogEntry(Map<String, Object> event) {
        var entry = map(event.get("entry"));
        if (BrowserOwnUrl.is(text(entry.get("url")))) {
            return;
        }
        // Failed sub-resources ("Failed to load resource: ... 401") arrive only here. A request the
        // safety guard stopped fails with ERR_BLOCKED_BY_CLIENT: the kit's doing, listed as refused.
        if (text(entry.get("text")).contains("ERR_BLOCKED_BY_CLIENT")) {
            return;
        }
        if (text(entry.get("text")).startsWith(BLOCKED_BEFOREUNLOAD)) {
            traffic.record(new Dialog("beforeunload", "", entry.containsKey("url") ? text(entry.get("url")) : currentPage));
            return;
        }
        if ("network".equals(entry.get("source")) || "error".equals(entry.get("level"))) {
            traffic.record(new ConsoleEntry(text(entry.get("level")), text(entry.get("text"))
                    + (entry.containsKey("url") ? " " + SafeUrl.of(text(entry.get("url"))) : ""), currentPage));
        }
    }

    private static String referer(Map<String, Object> request) {
        return Headers.joined(map(request.get("headers")), "Referer");
    }


    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** Stops letting paused requests go: the browser is going away with them. The connection is closed by its owner. */
    @Override
    public void close() {
        continuations.shutdownNow();
    }
}
