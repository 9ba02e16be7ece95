package dev.stagecheck.browser;

import dev.stagecheck.devtools.DevToolsConnection;
import dev.stagecheck.safety.SafetyGuard;
import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.traffic.NetworkWitness;
import dev.stagecheck.traffic.Traffic;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes a reused browser forget what a test left behind (signed-in sessions, cookies, storage,
 * the recorded traffic), so the next test starts as a first visit without paying for a new browser.
 */
final class BrowserReset {
    private static final Logger log = LoggerFactory.getLogger(BrowserReset.class);
    /**
     * What storage the reset empties, for every origin the test reached. Narrower than "all", which
     * also drops shader caches and ad-auction data (which makes every reset slower, for data no
     * site under test writes), but with everything a site can write: cookies, local and session storage, IndexedDB, Cache Storage,
     * service workers, file systems, storage buckets.
     */
    private static final String SITE_STORAGE =
            "cookies,local_storage,indexeddb,cache_storage,service_workers,file_systems,websql,storage_buckets,shared_storage";

    private final WebDriver driver;
    private final Optional<DevToolsConnection> cdp;
    private final BrowserPage page;
    private final Traffic traffic;
    private final NetworkWitness witness;
    private final SafetyGuard guard;
    private final SignOuts signOuts;
    private final boolean clearHttpCache;

    BrowserReset(WebDriver driver, Optional<DevToolsConnection> cdp, BrowserPage page, Traffic traffic, NetworkWitness witness,
                 SafetyGuard guard, SignOuts signOuts, boolean clearHttpCache) {
        this.driver = driver;
        this.cdp = cdp;
        this.page = page;
        this.traffic = traffic;
        this.witness = witness;
        this.guard = guard;
        this.signOuts = signOuts;
        this.clearHttpCache = clearHttpCache;
    }

    /**
     * Cookies, local and session storage, IndexedDB, service workers, the HTTP cache and the recorded
     * traffic: all gone, so the next test starts as a first visit. The HTTP cache must go too: a page
     * the test fetched with credentials or a member's cookie (a {@code private, max-age} answer) would
     * otherwise be served to the next test, whoever it is, without asking the server. It is kept only
     * when {@code reset.cache=false} says the site has no logins and no credentials, so every
     * visitor gets the same pages. Browsers without DevTools are kept from caching such answers
     * where their requests pass the recording proxy (see RecordingProxy).
     */
    void forNextTest() {
        signOuts.endAll();
        var origins = new LinkedHashSet<String>();
        for (Exchange exchange : traffic.exchanges()) {
            origin(exchange.url()).ifPresent(origins::add);
        }
        if (cdp.isPresent()) {
            // Inert first: an unload handler or timer of the old page must not write into what is cleared next.
            if (!page.silence()) {
                page.open("about:blank");
            }
            clearWithDevTools(origins, clearHttpCache);
        } else {
            // Without DevTools only the current site's state can be reached: clear it before leaving.
            clearBrowserState(origins);
            page.open("about:blank");
        }
        witness.forget();
        guard.forget();
        traffic.clear();
        log.debug("reset for the next test: {}", cdp.isPresent()
                ? "cookies and storage of " + origins.size() + " origin(s) cleared" + (clearHttpCache ? ", HTTP cache emptied" : "")
                : "cookies and storage of the page shown cleared");
    }

    /**
     * What "clear cookies and cache" in the guide means. With DevTools: as the browser's own settings
     * page does it, for every origin. Without: cookies and web storage of the page shown now (the
     * HTTP cache of such browsers is out of WebDriver's reach).
     */
    void clearBrowserState(Set<String> origins) {
        if (cdp.isPresent()) {
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
        var connection = cdp.orElseThrow();
        connection.send("Network.clearBrowserCookies", Map.of());
        if (httpCache) {
            connection.send("Network.clearBrowserCache", Map.of());
        }
        for (var origin : origins) {
            connection.send("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", SITE_STORAGE));
        }
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
}
