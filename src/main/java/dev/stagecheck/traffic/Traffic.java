package dev.stagecheck.traffic;

import dev.stagecheck.safety.Refusal;
import dev.stagecheck.safety.RefusedLinks;
import dev.stagecheck.time.Deadline;
import dev.stagecheck.url.SafeUrl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * What the browser saw during one test: every HTTP response (documents and sub-resources) and every
 * console entry. Filled by a witness listening to the browser's own network events; read by the
 * checks and the report. A test that means to meet a 401 declares the URL first.
 */
public final class Traffic {
    /** How long a failed page load may still turn into a real status (browser events arrive out of order). */
    private static final Duration LATE_STATUS_GRACE = Duration.ofSeconds(1);

    private final List<Exchange> exchanges = new ArrayList<>();
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<ConsoleEntry> console = new ArrayList<>();
    private final List<Dialog> dialogs = new ArrayList<>();
    private final List<Popup> popups = new ArrayList<>();
    private final Set<String> expectedUnauthorized = ConcurrentHashMap.newKeySet();
    /** What the kit kept the browser and its probes away from in this test (safety policy). */
    private RefusedLinks refused = new RefusedLinks();
    private final AtomicInteger probes = new AtomicInteger();
    private volatile String method = "none";
    /** The browser's requests since the last {@link #clear}, by key, as far as the witness reports them (started, ended). */
    private final Map<String, Request> requests = new HashMap<>();
    /**
     * Requests a previous page (or test) left running when the traffic was cleared: whatever they
     * answer later is not this page's, so it is not recorded (until the next clear: the list stays short).
     */
    private final Set<String> leftOver = new java.util.HashSet<>();
    /** Requests whose end was reported before their start: Chromium does that for a copy from its memory cache. */
    private final Set<String> endedFirst = new java.util.HashSet<>();

    /**
     * One request of the browser: where it went, for which page, when it started and (once it did)
     * ended. {@code topLevel}: the tab's own document (a navigation), not something a page loads.
     */
    public record Request(String url, String type, boolean topLevel, String page, long startedNanos, long endedNanos) {
        public boolean running() {
            return endedNanos == 0;
        }

        /** How long it ran, or has been running until {@code nowNanos}. */
        public long millis(long nowNanos) {
            return ((running() ? nowNanos : endedNanos) - startedNanos) / 1_000_000;
        }
    }

    /** How statuses are learned in this session, for the report (e.g. "CDP Network events"). */
    public String method() {
        return method;
    }

    public void method(String method) {
        this.method = method;
    }

    public synchronized void record(Exchange exchange) {
        exchanges.add(exchange);
        notifyAll();
    }

    /**
     * Records the exchange of one browser request, replacing what was recorded for the same key
     * before: a load first seen as failed may learn its real status (a 401) a moment later.
     */
    public synchronized void record(String key, Exchange exchange) {
        // A page's document is never dropped: the navigation waiting for it would see no answer at all.
        if (leftOver.contains(requestKey(key)) && !exchange.isPage()) {
            return;
        }
        var position = positions.get(key);
        if (position != null && position < exchanges.size()) {
            exchanges.set(position, exchange);
        } else {
            positions.put(key, exchanges.size());
            exchanges.add(exchange);
        }
        notifyAll();
    }

    /**
     * Adds a note to the answer recorded under {@code key}, if there is one still: what went wrong
     * after it came (its body was cut short). False when nothing is recorded under that key.
     */
    public synchronized boolean note(String key, String note) {
        var position = positions.get(key);
        if (position == null || position >= exchanges.size()) {
            return false;
        }
        exchanges.set(position, exchanges.get(position).withError(note));
        notifyAll();
        return true;
    }

    public synchronized void record(ConsoleEntry entry) {
        console.add(entry);
    }

    /** A dialog a page opened, which the browser session answered at once. */
    public synchronized void record(Dialog dialog) {
        dialogs.add(dialog);
    }

    /** A new window or tab a page asked for. */
    public synchronized void record(Popup popup) {
        popups.add(popup);
    }

    public synchronized List<Dialog> dialogs() {
        return List.copyOf(dialogs);
    }

    public synchronized List<Popup> popups() {
        return List.copyOf(popups);
    }

    public synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public synchronized List<ConsoleEntry> console() {
        return List.copyOf(console);
    }

    public synchronized void clear() {
        leftOver.clear();
        requests.forEach((key, request) -> {
            if (request.running()) {
                leftOver.add(key);
            }
        });
        requests.clear();
        endedFirst.clear();
        exchanges.clear();
        positions.clear();
        console.clear();
        dialogs.clear();
        popups.clear();
        expectedUnauthorized.clear();
        refused = new RefusedLinks();
        probes.set(0);
    }

    /**
     * The browser sent a request ({@code key}: the witness's id for it, which {@link #record(String, Exchange)}
     * keys start with) for {@code page}. Witnesses that see requests start and end say so, so the
     * kit can wait for a page's network to go quiet and name what kept it busy.
     */
    public synchronized void started(String key, String url, String type, boolean topLevel, String page) {
        if (!leftOver.contains(key)) {
            var now = System.nanoTime();
            requests.putIfAbsent(key, new Request(SafeUrl.of(url), type, topLevel, SafeUrl.of(page), now, endedFirst.remove(key) ? now : 0));
        }
    }

    /** A request {@link #started} before finished loading or failed. */
    public synchronized void ended(String key) {
        var request = requests.get(key);
        if (request == null) {
            endedFirst.add(key);
        } else if (request.running()) {
            requests.put(key, new Request(request.url(), request.type(), request.topLevel(), request.page(), request.startedNanos(),
                    System.nanoTime()));
            notifyAll();
        }
    }

    /**
     * Waits until no request that {@code page} (the document URL it was made for) loads is running,
     * at most {@code timeout}, and returns every such request since the last {@link #clear}, the
     * ones still running included. Navigations are not the page's loads, and a stream kept open by
     * design (EventSource) never ends, so neither is waited for. Empty at once where the witness
     * does not report requests starting.
     */
    public synchronized List<Request> awaitQuiet(String page, Duration timeout) {
        var shown = SafeUrl.of(page);
        Predicate<Request> loads = r -> !r.topLevel() && r.page().equals(shown) && !"EventSource".equals(r.type());
        Deadline.after(timeout).await(this, () -> requests.values().stream().noneMatch(r -> r.running() && loads.test(r)));
        return requests.values().stream().filter(loads).toList();
    }

    /** The request id a record key is made of ("id" or "id/n" for a redirect of it). */
    private static String requestKey(String key) {
        var slash = key.indexOf('/');
        return slash < 0 ? key : key.substring(0, slash);
    }

    /** A request the safety policy stopped (the browser's own, or a probe's), found on {@code page}. */
    public void refused(Refusal refusal, String page) {
        refusals().add(refusal, SafeUrl.of(page));
    }

    public synchronized RefusedLinks refusals() {
        return refused;
    }

    /** Counts one plain HTTP request a probe sent to learn a status the browser does not report. */
    public void probed() {
        probes.incrementAndGet();
    }

    public int probeRequests() {
        return probes.get();
    }

    /** This test asks for a protected URL on purpose: its 401 is the expected answer, not a lock-out. */
    public void expectUnauthorized(String url) {
        expectedUnauthorized.add(SafeUrl.of(url));
    }

    /** The URLs this test declared it meets a 401 from (the verdict rule treats their 401 as expected). */
    public Set<String> expectedUnauthorized() {
        return Set.copyOf(expectedUnauthorized);
    }

    public synchronized List<Exchange> matching(Predicate<Exchange> filter) {
        return exchanges.stream().filter(filter).toList();
    }

    public synchronized int size() {
        return exchanges.size();
    }

    /**
     * Waits for the page a navigation started at traffic position {@code from} ends on: the newest
     * top-level document response after it that is not a redirect (or that failed: a failed load
     * is given a moment more to learn its real status). Empty when the thread is interrupted.
     */
    public synchronized Optional<Exchange> awaitPageSince(int from, Duration timeout) {
        var deadline = Deadline.after(timeout);
        var seen = deadline.await(this, () -> newestPageSince(from).isPresent());
        if (seen && newestPageSince(from).orElseThrow().status() == 0) {
            seen = deadline.atMost(LATE_STATUS_GRACE).await(this, () -> newestPageSince(from).map(page -> page.status() != 0).orElse(false));
        }
        if (seen) {
            // Its record is final only once its request ended: a body cut short is noted on it when the
            // failure comes, which may be just after the page's own wait (its load, or its failure) ended.
            deadline.atMost(LATE_STATUS_GRACE).await(this, () -> !newestPageRunning(from));
        }
        return !seen && Thread.currentThread().isInterrupted() ? Optional.empty() : newestPageSince(from);
    }

    /** Whether the request of the newest page since {@code from} is known to be still running (its body still coming). */
    private boolean newestPageRunning(int from) {
        var newest = newestPagePosition(from);
        return newest >= 0 && positions.entrySet().stream().filter(entry -> entry.getValue() == newest)
                .map(entry -> requests.get(requestKey(entry.getKey())))
                .anyMatch(request -> request != null && request.running());
    }

    private Optional<Exchange> newestPageSince(int from) {
        var newest = newestPagePosition(from);
        return newest < 0 ? Optional.empty() : Optional.of(exchanges.get(newest));
    }

    /** Where the newest top-level document answer since {@code from} that is not a redirect is recorded; -1 when none is. */
    private int newestPagePosition(int from) {
        for (int i = exchanges.size() - 1; i >= from; i--) {
            var exchange = exchanges.get(i);
            if (exchange.isPage() && !exchange.isRedirect()) {
                return i;
            }
        }
        return -1;
    }

    /** Everything recorded from position {@code from} on. */
    public synchronized List<Exchange> since(int from) {
        return List.copyOf(exchanges.subList(Math.min(from, exchanges.size()), exchanges.size()));
    }

    /** A compact fixed-width table, one response a line, for the report. */
    public String table() {
        var rows = exchanges();
        var text = new StringBuilder("How statuses were learned: ").append(method).append('\n');
        text.append(String.format("%-6s %-6s %-10s %-70s %s%n", "status", "method", "type", "url", "page (that led there)"));
        for (var e : rows) {
            text.append(String.format("%-6s %-6s %-10s %-70s %s%s%n", e.statusText(), e.method(), e.type(), e.url(),
                    e.page().isEmpty() ? "(typed URL)" : e.page(), e.challenges().isEmpty() ? "" : "  WWW-Authenticate: " + e.challengeText()));
        }
        text.append(rows.size()).append(" responses\n");
        if (probeRequests() > 0) {
            text.append(probeRequests()).append(" HTTP probe requests sent to learn these statuses\n");
        }
        var refusals = refusals();
        if (refusals.size() > 0) {
            text.append("\nNot requested for safety:\n").append(refusals.table());
        }
        return text.toString();
    }

    public String consoleText() {
        var entries = console();
        var opened = dialogs();
        if (entries.isEmpty() && opened.isEmpty()) {
            return "(no console messages)\n";
        }
        var text = new StringBuilder();
        entries.forEach(entry -> text.append(entry).append('\n'));
        opened.forEach(dialog -> text.append(dialog).append('\n'));
        return text.toString();
    }
}
