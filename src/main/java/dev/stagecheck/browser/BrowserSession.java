package dev.stagecheck.browser;

import dev.stagecheck.config.Settings;
import dev.stagecheck.devtools.DevToolsConnection;
import dev.stagecheck.safety.SafetyGuard;
import dev.stagecheck.traffic.CdpWitness;
import dev.stagecheck.traffic.ChallengeCredentials;
import dev.stagecheck.traffic.Exchange;
import dev.stagecheck.traffic.NetworkWitness;
import dev.stagecheck.traffic.ProbeWitness;
import dev.stagecheck.traffic.ProxyWitness;
import dev.stagecheck.traffic.Traffic;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One browser of one worker thread, reused across tests: the front the tests and page objects
 * use, over its driver, its page, the traffic its witness records, and the reset between tests.
 */
public final class BrowserSession {
    private final WebDriver driver;
    private final StartedBrowser started;
    private final Settings settings;
    private final SafetyGuard guard;
    private final Traffic traffic = new Traffic();
    private final Optional<DevToolsConnection> devTools;
    private final NetworkWitness witness;
    private final Navigator navigator;
    /** Navigation and page reads without chromedriver's round trip, when the browser speaks DevTools. */
    private final BrowserPage page;
    private final SignOuts signOuts;
    private final BrowserReset reset;
    private final ExtraHeaders headers;
    private final PopupWatch popups;
    private volatile boolean keepsCredentials;

    private BrowserSession(StartedBrowser started, Settings settings) {
        this.driver = started.driver();
        this.started = started;
        this.settings = settings;
        this.guard = new SafetyGuard(settings.profile().safety());
        this.devTools = started.devTools() ? Optional.of(DevToolsConnection.open(driver)) : Optional.empty();
        // A link that downloads must not leave files in the user's own Downloads folder: its status is all the kit reads.
        devTools.ifPresent(cdp -> cdp.sendQuietly("Browser.setDownloadBehavior", Map.of("behavior", "deny")));
        this.witness = witness(started, devTools, traffic, guard, settings);
        this.page = devTools.<BrowserPage>map(cdp -> new CdpPage(cdp, settings.pageTimeout())).orElseGet(() -> new DriverPage(driver, traffic, settings.pageTimeout(), started.proxy().isPresent()));
        // A dialog blocks the page and every command after it; a new window escapes the witness: both handled here.
        devTools.ifPresent(cdp -> DialogCloser.attach(cdp, traffic));
        this.popups = devTools.map(cdp -> PopupWatch.attach(cdp, traffic)).orElseGet(PopupWatch::unannounced);
        this.navigator = new Navigator(driver, page, traffic, witness, guard, settings.pageTimeout());
        this.signOuts = new SignOuts(settings.profile().file());
        this.reset = new BrowserReset(driver, devTools, page, traffic, witness, guard, signOuts, settings.resetCache());
        this.headers = new ExtraHeaders(devTools);
    }

    /** The browser's own network events where it has DevTools; else a recording proxy, else probes of the site. */
    private static NetworkWitness witness(StartedBrowser started, Optional<DevToolsConnection> devTools, Traffic traffic,
                                          SafetyGuard guard, Settings settings) {
        if (devTools.isPresent()) {
            return CdpWitness.attach(devTools.get(), traffic, guard);
        }
        return started.proxy().<NetworkWitness>map(proxy -> {
            proxy.attach(traffic, guard);
            return new ProxyWitness(proxy, traffic);
        }).orElseGet(() -> new ProbeWitness(started.driver(), traffic, settings.httpTimeout(), guard));
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

    public Settings settings() {
        return settings;
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
        return navigator.navigate(target, action);
    }

    /**
     * Goes to a URL the kit chose itself (one the profile names, or one the policy was asked about
     * first) and returns its response: the page may be opened even where the policy would refuse
     * a link to it (logout.url).
     */
    public Optional<Exchange> navigateTo(String url) {
        return navigator.navigateTo(url);
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
        return navigator.declared(form, check);
    }

    /** Types a URL into the address bar: returns once the page has loaded, as {@code driver.get} does. */
    public void open(String url) {
        page.open(url);
    }

    /** Stops what the page is still loading (one that outlasted the page timeout), so the next page starts clean. */
    public void stopLoading() {
        page.stopLoading();
    }

    /**
     * What went wrong with the tab itself on the page shown last (its script hung it, its renderer
     * died), already mended so the next page loads normally; empty on a healthy page.
     */
    public Optional<TabTrouble> tabTrouble() {
        return page.trouble();
    }

    /**
     * Runs a script body ({@code return ...}, with {@code arguments}) in the page and returns plain
     * data (strings, numbers, booleans, lists, maps; no elements): the way to read many things in one call.
     */
    public Object read(String script, Object... arguments) {
        return page.read(script, arguments);
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
        signOuts.endAll();
    }

    /**
     * Cookies, local and session storage, IndexedDB, service workers, the server sessions it signed
     * in to and the recorded traffic: all gone, so the next test starts as a first visit. The HTTP
     * cache stays unless {@code reset.cache} is set.
     */
    public void resetForNextTest() {
        popups.closeOthers(driver);
        reset.forNextTest();
    }

    /**
     * Closes every window and tab a page opened (a clicked {@code target=_blank} link), so the test's
     * own tab stays the one WebDriver and the witness act on. Costs nothing when no page asked for one.
     */
    public void closePopups() {
        popups.closeOthers(driver);
    }

    /**
     * What "clear cookies and cache" in the guide means. With DevTools: as the browser's own settings
     * page does it, for every origin. Without: cookies and web storage of the page shown now.
     */
    public void clearBrowserState(Set<String> origins) {
        reset.clearBrowserState(origins);
    }

    /**
     * The Cookie header this browser would send to {@code url} ("" when none), for a plain HTTP
     * request made on its behalf (a file link checked without the browser). Never logged.
     */
    public String cookieHeader(String url) {
        try {
            if (devTools.isPresent()) {
                var answer = devTools.get().send("Network.getCookies", Map.of("urls", java.util.List.of(url)));
                return answer.get("cookies") instanceof java.util.List<?> cookies
                        ? cookies.stream().filter(Map.class::isInstance).map(Map.class::cast)
                                .map(cookie -> cookie.get("name") + "=" + cookie.get("value")).collect(Collectors.joining("; "))
                        : "";
            }
            // Without DevTools: the cookies of the page shown now, which the crawl left on the same site.
            return driver.manage().getCookies().stream().map(cookie -> cookie.getName() + "=" + cookie.getValue())
                    .collect(Collectors.joining("; "));
        } catch (WebDriverException e) {
            return ""; // No document to ask (about:blank): the browser has no cookies for it either.
        }
    }

    /** True when request headers (an Authorization header) can be added to the browser's own requests. */
    public boolean canSendHeaders() {
        return headers.possible();
    }

    /**
     * Sends extra request headers (e.g. Authorization) for the duration of one action, then stops.
     * Meanwhile the browser asks nothing of other sites: the headers would go there too.
     */
    public void withExtraHeaders(Map<String, String> extra, Runnable action) {
        guard.credentialsTo(SafetyGuard.origin(dev.stagecheck.config.TargetSite.baseUrl().toString()), () -> headers.during(extra, action));
    }

    /**
     * True when the browser can answer a login challenge itself with credentials the kit gives it
     * (Digest, whose answer needs the server's nonce): Chromium-family browsers, through DevTools.
     */
    public boolean canAnswerChallenges() {
        return witness.answersChallenges();
    }

    /**
     * Runs one action while the browser answers the challenges {@code credentials} are for, as a
     * user typing them into the login dialog would; every other challenge is still cancelled.
     */
    public void withChallengeCredentials(ChallengeCredentials credentials, Runnable action) {
        // Marked before: credentials the browser took are in its auth cache whatever the action did next.
        keepsCredentials = true;
        witness.answeringChallenges(credentials, action);
    }

    /**
     * True once the browser was given credentials for a challenge: Chromium keeps them in its HTTP
     * auth cache, which neither DevTools nor clearing cookies, cache and storage empties, and would
     * answer the next test's challenge with them. Such a browser is not reused (see BrowserSessions).
     */
    boolean keepsCredentials() {
        return keepsCredentials;
    }

    /**
     * True when this browser can show no further page (its page hung for good or its session ended
     * with a crashed page, where the browser has no DevTools to mend the tab): a crawl goes on in a
     * new browser, if it can ({@link #holdsSignIn()}).
     */
    public boolean mustBeReplaced() {
        return page.unusable();
    }

    /**
     * True when the browser holds a way in that a new browser would not have: a sign-in the
     * checklist made (to be ended) or HTTP credentials. Cookies of a visitor are not carried over.
     */
    public boolean holdsSignIn() {
        return signOuts.any() || keepsCredentials;
    }

    /** False when the browser crashed or its session is gone; the next test then gets a fresh one. */
    public boolean isAlive() {
        // WebDriver answers "tab crashed" for a tab whose renderer died, for good: the next test needs a new browser.
        return !page.crashedOnce() && answers();
    }

    private boolean answers() {
        try {
            driver.getWindowHandle();
            return true;
        } catch (WebDriverException e) {
            return false;
        }
    }

    public void quit() {
        if (page.unusable()) {
            signOuts.abandon(); // A logout would wait on the page that holds the tab, a page timeout for nothing.
        } else if (answers()) {
            signOuts.endAll();
        }
        witness.close();
        devTools.ifPresent(DevToolsConnection::close);
        try {
            driver.quit();
        } catch (WebDriverException ignored) {
            // Already dead: nothing left to close.
        }
        started.afterQuit().run();
    }
}
