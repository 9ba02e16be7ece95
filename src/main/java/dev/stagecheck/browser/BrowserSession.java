package dev.stagecheck.browser;

import dev.stagecheck.config.OneLine;
import dev.stagecheck.config.Settings;
import dev.stagecheck.safety.SafetyGuard;
import dev.stagecheck.traffic.CdpWitness;
import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.traffic.NetworkWitness;
import dev.stagecheck.traffic.ProbeWitness;
import dev.stagecheck.traffic.ProxyWitness;
import dev.stagecheck.traffic.Traffic;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * One browser of one worker thread, reused across tests. Between tests it forgets everything a
 * user's visit leaves behind (cookies, storage, cache) so tests stay independent, without paying
 * for a new browser each time.
 */
public final class BrowserSession {
    private final WebDriver driver;
    private final Traffic traffic = new Traffic();
    private final Optional<CdpWitness> devTools;
    /** Navigation and page reads without chromedriver's round trip, when the browser speaks DevTools. */
    private final Optional<CdpPage> page;
    private final NetworkWitness witness;
    private final StartedBrowser started;
    private final Settings settings;
    private final SafetyGuard guard;
    /** How to end each server session this browser signed in to, in order; run before the next test and at quit. */
    private final List<Runnable> signOuts = new CopyOnWriteArrayList<>();

    private BrowserSession(StartedBrowser started, Settings settings) {
        this.driver = started.driver();
        this.started = started;
        this.settings = settings;
        this.guard = new SafetyGuard(settings.profile().safety());
        this.devTools = started.devTools() ? Optional.of(CdpWitness.attach(driver, traffic, guard)) : Optional.empty();
        this.witness = devTools.<NetworkWitness>map(w -> w).orElseGet(() -> started.proxy().<NetworkWitness>map(proxy -> {
            proxy.attach(traffic, guard);
            return new ProxyWitness(proxy, traffic);
        }).orElseGet(() -> new ProbeWitness(driver, traffic, settings.httpTimeout(), guard)));
        this.page = devTools.map(CdpPage::new);
    }

    static BrowserSession start(Settings settings) {
        var started = BrowserFactory.of(settings).start(settings);
        try {
            return new BrowserSession(started, settings);
        } catch (RuntimeException e) {
            started.driver().quit();
            started.afterQuit().run();
            throw e;
        }
    }

    /** Why the settings' browser cannot run here, or empty when it can (nothing is started). */
    public static Optional<String> unavailable(Settings settings) {
        return BrowserFactory.of(settings).unavailable(settings);
    }

    public WebDriver driver() {
        return driver;
    }

    public Traffic traffic() {
        return traffic;
    }

    /** Which browser this is and where it runs, for the report. */
    public String description() {
        return started.description();
    }

    /** True when the kit sees the browser's own network events (DevTools), not just its own probes. */
    public boolean hasDevTools() {
        return devTools.isPresent();
    }

    /**
     * Runs an action that leads to a new page ({@code target}: where it goes, when known) and returns
     * the page's response. The witness may keep the browser away from a URL that would wedge it.
     */
    public Optional<Exchange> navigate(Optional<String> target, Runnable action) {
        var from = traffic.size();
        var unsafe = target.flatMap(guard::navigation);
        if (unsafe.isPresent()) {
            // The last line of defence: callers that follow links ask the policy before they get here.
            var shown = currentPageQuietly();
            traffic.refused(unsafe.get(), shown);
            var note = new Exchange("GET", unsafe.get().url(), 0, "Document", true, shown, List.of(), Optional.of(unsafe.get().note()));
            traffic.record(note);
            return Optional.of(note);
        }
        var refused = target.flatMap(witness::beforeNavigation);
        if (refused.isPresent()) {
            // Leave the previous page, as a browser showing an error would: its links are not this page's.
            open("about:blank");
            return refused;
        }
        try {
            action.run();
        } catch (WebDriverException e) {
            // Chromium refuses to render some error answers (a 401 challenge it cannot meet:
            // net::ERR_INVALID_AUTH_CREDENTIALS). The witness still has the status; report that.
            if (e instanceof org.openqa.selenium.TimeoutException || e.getMessage() == null || !e.getMessage().contains("net::ERR_")) {
                throw e;
            }
        }
        witness.afterNavigation();
        return traffic.awaitPageSince(from, settings.pageTimeout());
    }

    /**
     * Goes to a URL the kit chose itself (one the profile names, or one the policy was asked about
     * first) and returns its response: the page may be opened even where the policy would refuse
     * a link to it (logout.url).
     */
    public Optional<Exchange> navigateTo(String url) {
        guard.typed(url);
        return navigate(Optional.of(url), () -> open(url));
    }

    /** The safety policy as this browser applies it. */
    public SafetyGuard safety() {
        return guard;
    }

    /**
     * Runs one of the profile's declared checks (login, a form, search, logout): the only requests
     * that may POST or act. {@code form}, when known, is the form's method and action, so a witness
     * that must ask the server itself does not fetch a POST's result again with GET.
     */
    public <T> T declared(Optional<NetworkWitness.Submission> form, Supplier<T> check) {
        form.ifPresent(witness::beforeSubmit);
        return guard.declared(check);
    }

    /**
     * Remembers how to end a server session this browser just opened (a login). It runs before the
     * next test's reset and when the browser quits, so no session the checklist opened stays valid.
     */
    public void signedIn(Runnable signOut) {
        signOuts.add(signOut);
    }

    /** Forgets a sign-out that is not needed any more (the test logged out itself). */
    public void signedOut(Runnable signOut) {
        signOuts.remove(signOut);
    }

    /** Ends every session this browser signed in to, oldest first; one that cannot be ended says so in one line. */
    public void signOutEverywhere() {
        var pending = List.copyOf(signOuts);
        signOuts.clear();
        for (var signOut : pending) {
            try {
                signOut.run();
            } catch (RuntimeException | AssertionError e) {
                System.out.println("stagecheck: a session the checklist signed in to could not be ended ("
                        + OneLine.of(e.getMessage()) + "): it stays valid on the server until it expires; check logout.url"
                        + " or logout.link in " + settings.profile().file());
            }
        }
    }

    private String currentPageQuietly() {
        try {
            var url = driver.getCurrentUrl();
            return url == null || !url.startsWith("http") ? "" : url;
        } catch (WebDriverException e) {
            return "";
        }
    }

    /** Types a URL into the address bar: returns once the page has loaded, as {@code driver.get} does. */
    public void open(String url) {
        page.ifPresentOrElse(cdp -> cdp.open(url, settings.pageTimeout()), () -> driver.get(url));
    }

    /**
     * Runs a script body ({@code return ...}, with {@code arguments}) in the page and returns plain
     * data (strings, numbers, booleans, lists, maps; no elements): the way to read many things in one call.
     */
    public Object read(String script, Object... arguments) {
        return page.isPresent() ? page.get().evaluate(script, Arrays.asList(arguments))
                : ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    public Settings settings() {
        return settings;
    }

    /**
     * What storage the reset empties, for every origin the test reached. Narrower than "all", which
     * also drops shader caches and ad-auction data (which makes every reset slower, for data no
     * site under test writes), but with everything a site can write: cookies, local and session storage, IndexedDB, Cache Storage,
     * service workers, file systems, storage buckets.
     */
    private static final String SITE_STORAGE =
            "cookies,local_storage,indexeddb,cache_storage,service_workers,file_systems,websql,storage_buckets,shared_storage";

    /**
     * Cookies, local and session storage, IndexedDB, service workers and the recorded traffic: all
     * gone, so the next test starts as a first visit. The HTTP cache stays unless {@code reset.cache}
     * is set: it only holds what the site itself let be cached, and a cold cache makes every test's
     * first page load slower (the benchmark's kit.test.cold.cache.ms says by how much; the
     * checklist's own cookies-and-cache test empties it).
     */
    public void resetForNextTest() {
        signOutEverywhere();
        var origins = new LinkedHashSet<String>();
        for (Exchange exchange : traffic.exchanges()) {
            origin(exchange.url()).ifPresent(origins::add);
        }
        if (devTools.isPresent()) {
            // Inert first: an unload handler or timer of the old page must not write into what is cleared next.
            if (!page.orElseThrow().silence()) {
                open("about:blank");
            }
            clearWithDevTools(origins, settings.resetCache());
        } else {
            // Without DevTools only the current site's state can be reached: clear it before leaving.
            clearBrowserState(origins);
            open("about:blank");
        }
        witness.forget();
        guard.forget();
        traffic.clear();
    }

    /**
     * What "clear cookies and cache" in the guide means. With DevTools: as the browser's own settings
     * page does it, for every origin. Without: cookies and web storage of the page shown now (the
     * HTTP cache of such browsers is out of WebDriver's reach).
     */
    public void clearBrowserState(Set<String> origins) {
        if (devTools.isPresent()) {
            clearWithDevTools(origins, true);
            return;
        }
        try {
            if (driver.getCurrentUrl().startsWith("http")) {
                driver.manage().deleteAllCookies();
                ((JavascriptExecutor) driver).executeScript("try { localStorage.clear(); sessionStorage.clear(); } catch (e) {}");
            }
        } catch (WebDriverException e) {
            // A page that refuses scripts still lost its cookies; nothing more WebDriver can do.
        }
    }

    private void clearWithDevTools(Set<String> origins, boolean httpCache) {
        var cdp = devTools.orElseThrow();
        cdp.send("Network.clearBrowserCookies", Map.of());
        if (httpCache) {
            cdp.send("Network.clearBrowserCache", Map.of());
        }
        for (var origin : origins) {
            cdp.send("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", SITE_STORAGE));
        }
    }

    /** True when request headers (an Authorization header) can be added to the browser's own requests. */
    public boolean canSendHeaders() {
        return devTools.isPresent();
    }

    /** Sends extra request headers (e.g. Authorization) for the duration of one action, then stops. */
    public void withExtraHeaders(Map<String, String> headers, Runnable action) {
        var cdp = devTools.orElseThrow(() -> new IllegalStateException("no DevTools: ask canSendHeaders() first"));
        cdp.send("Network.setExtraHTTPHeaders", Map.of("headers", Map.copyOf(headers)));
        try {
            action.run();
        } finally {
            cdp.send("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        }
    }

    /** False when the browser crashed or its session is gone; the next test then gets a fresh one. */
    public boolean isAlive() {
        try {
            driver.getWindowHandle();
            return true;
        } catch (WebDriverException e) {
            return false;
        }
    }

    public void quit() {
        if (isAlive()) {
            signOutEverywhere();
        }
        witness.close();
        try {
            driver.quit();
        } catch (WebDriverException ignored) {
            // Already dead: nothing left to close.
        }
        started.afterQuit().run();
    }

    private static Optional<String> origin(String url) {
        try {
            var uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().startsWith("http")) {
                return Optional.empty();
            }
            return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temp directory left behind is not worth failing a run for.
        }
    }
}
