package dev.stagecheck.pages;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.config.SecretRef;
import dev.stagecheck.config.SiteProfile.Login;
import dev.stagecheck.config.TargetSite;
import io.qameta.allure.Step;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The site's login form. Credentials are passed as {@link SecretRef}s (names, not values), so
 * neither step names nor step parameters in the report can carry a password. Every login leaves
 * the browser a way to end that server session again, which the browser runs before the next test:
 * the checklist leaves no session it opened valid on the server.
 */
public final class LoginPage extends PageObject {
    /**
     * Sign-ins and sign-outs of this JVM, one at a time. Sites such as WordPress keep all of a user's
     * sessions in one record that every sign-in and sign-out reads and writes whole: two at once (tests
     * run in parallel as the same user) lose one write, which leaves a session open on the server or
     * ends another test's.
     */
    private static final ReentrantLock SESSION_CHANGES = new ReentrantLock();

    private final Login login;
    private final SignInFlow flow;

    public LoginPage(BrowserSession session, Login login) {
        super(session);
        this.login = login;
        this.flow = SignInFlow.of(login);
    }

    @Step("Open the login page")
    public PageVisit open() {
        return go(TargetSite.resolve(login.url()));
    }

    @Step("Log in with the profile's credentials ({username})")
    public PageVisit loginAs(SecretRef username, SecretRef password) {
        var visit = submit(username.value(), password.value());
        remember(cookies());
        return visit;
    }

    @Step("Log in as the profile's user ({username}) with a wrong password")
    public PageVisit loginWithWrongPassword(SecretRef username) {
        return submit(username.value(), "wrong-" + Long.toHexString(System.nanoTime()));
    }

    private PageVisit submit(String username, String password) {
        SESSION_CHANGES.lock();
        try {
            return flow.signIn(this, login, username, password);
        } finally {
            SESSION_CHANGES.unlock();
        }
    }

    /** For a {@link SignInFlow}: types into the field this selector matches once it is visible. */
    public void fillIn(String selector, String text) {
        type(selector, text);
    }

    /** For a {@link SignInFlow}: clicks the button this selector matches, as the declared sign-in, and reports where it led. */
    public PageVisit press(String selector) {
        return submit(visible(selector));
    }

    /**
     * For a {@link SignInFlow}: clicks what this selector matches when it is shown now (a cookie
     * banner, a notice over the form) and stays on the page; false when nothing is shown.
     */
    public boolean dismiss(String selector) {
        var shown = driver.findElements(By.cssSelector(selector)).stream().filter(element -> element.isDisplayed()).findFirst();
        shown.ifPresent(element -> element.click());
        return shown.isPresent();
    }

    /** For a {@link SignInFlow}: the browser itself, for steps the methods here do not cover (a frame, a key press). */
    public WebDriver browser() {
        return driver;
    }

    /** The form's parts by what they are, so a line about a missing one reads "the login form ('#email') did not appear". */
    @Override
    protected String named(String css) {
        if (css.equals(login.usernameField()) || css.equals(login.passwordField()) || css.equals(login.submit())) {
            return "the login form ('" + css + "')";
        }
        return super.named(css);
    }

    public boolean isShowingForm() {
        return isVisible(login.passwordField());
    }

    /** The marker only a logged-in user sees, waited for explicitly. */
    public boolean showsLoggedIn() {
        return appears(login.successMarker(), session.settings().elementTimeout());
    }

    /** The logged-in marker right now, without waiting for it (for "must not be logged in" checks). */
    public boolean showsLoggedInNow() {
        return isVisible(login.successMarker());
    }

    @Step("Open the member page {path}")
    public PageVisit openMemberPage(String path) {
        return go(TargetSite.resolve(path));
    }

    public boolean showsFailure() {
        return appears(login.failureMarker(), session.settings().elementTimeout());
    }

    /** The wrong-password message right now, without waiting for it. */
    public boolean showsFailureNow() {
        return isVisible(login.failureMarker());
    }

    /**
     * Logs out as the profile says: through {@code logout.link} (the site's own link on a signed-in
     * page, which carries the nonce sites such as WordPress demand) or {@code logout.url}.
     */
    @Step("Log out")
    public PageVisit logout() {
        return logOut();
    }

    /** The logout itself, outside any report step: it also runs between tests and after the last one. */
    private PageVisit logOut() {
        var jar = cookies();
        PageVisit visit;
        SESSION_CHANGES.lock();
        try {
            visit = login.logoutLink().map(this::followLogoutLink)
                    .orElseGet(() -> session.safety().declared(() -> go(TargetSite.resolve(login.logoutUrl().orElseThrow()))));
        } finally {
            SESSION_CHANGES.unlock();
        }
        session.signedOut(signOut(jar));
        return visit;
    }

    /** Opens a signed-in page when this one has no log-out link, then follows the link (or clicks it, for a button). */
    private PageVisit followLogoutLink(String selector) {
        if (driver.findElements(By.cssSelector(selector)).isEmpty()) {
            go(TargetSite.resolve(login.memberUrl()));
        }
        var links = driver.findElements(By.cssSelector(selector));
        if (links.isEmpty()) {
            throw new AssertionError("logout.link '" + selector + "' is on neither this page nor the member page " + currentUrl()
                    + ": check the selector (it must match the site's log-out link on a signed-in page)");
        }
        // Many log-out links sit in a menu that only opens on hover: follow the address instead of clicking.
        var href = links.get(0).getAttribute("href");
        return session.safety().declared(() -> href != null && href.startsWith("http") ? go(href) : submit(links.get(0)));
    }

    /**
     * Remembers how to end the session these cookies belong to: put them back and log out. A jar whose
     * session is already gone (a wrong password, a logout the test did itself) costs one page and no more.
     */
    private void remember(Set<Cookie> jar) {
        if (!jar.isEmpty()) {
            session.signedIn(signOut(jar));
        }
    }

    /** A sign-out of one cookie jar; equal for equal jars, so a test's own logout can cancel it. */
    private Runnable signOut(Set<Cookie> jar) {
        return new SignOut(Set.copyOf(jar), this);
    }

    private record SignOut(Set<Cookie> jar, LoginPage page) implements Runnable {
        @Override
        public void run() {
            page.endSession(jar);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SignOut that && names(that.jar).equals(names(jar));
        }

        @Override
        public int hashCode() {
            return names(jar).hashCode();
        }

        private static Map<String, String> names(Set<Cookie> jar) {
            var byName = new java.util.TreeMap<String, String>();
            jar.forEach(cookie -> byName.put(cookie.getName() + ";" + cookie.getPath(), cookie.getValue()));
            return byName;
        }
    }

    private void endSession(Set<Cookie> jar) {
        if (!SignOut.names(cookies()).equals(SignOut.names(jar))) {
            // Cookies can only be set for the site the browser shows: be on it, then put the jar back.
            if (!currentUrl().startsWith(TargetSite.resolve("/").replaceFirst("/$", ""))) {
                go(TargetSite.resolve(login.memberUrl()));
            }
            driver.manage().deleteAllCookies();
            jar.forEach(cookie -> driver.manage().addCookie(cookie));
        }
        go(TargetSite.resolve(login.memberUrl()));
        if (!showsLoggedInNow()) {
            return; // That session is over already.
        }
        logOut();
        if (showsLoggedInNow()) {
            throw new AssertionError("after logging out, " + currentUrl() + " still shows '" + login.successMarker() + "'");
        }
    }

    /** The browser's cookies for the page shown now (none off the site): what a sign-in set is told from them. */
    public Set<Cookie> cookiesNow() {
        return cookies();
    }

    private Set<Cookie> cookies() {
        try {
            return currentUrl().startsWith("http") ? driver.manage().getCookies() : Set.of();
        } catch (WebDriverException e) {
            return Set.of();
        }
    }
}
