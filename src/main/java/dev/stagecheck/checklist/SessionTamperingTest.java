package dev.stagecheck.checklist;

import dev.stagecheck.config.SiteProfile.Login;
import dev.stagecheck.pages.LoginPage;
import dev.stagecheck.pages.PageVisit;
import dev.stagecheck.pages.SessionCookies;
import dev.stagecheck.verdict.FindingKind;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import org.testng.annotations.Test;

import java.net.URI;
import java.util.function.BiConsumer;

/**
 * The guide's "expired or corrupted session cookies": after a real sign-in the kit damages the
 * session cookie as time or a careless script does, opens a member page, and the site must treat
 * the user as signed out: the login form, a redirect to it, or a 401 with a challenge where the site
 * signs in over HTTP. Never a server error, a redirect loop, member content, or a 401 with no way
 * back to signing in. Then signing in afresh must work.
 */
@Feature("Expired and tampered sessions")
public class SessionTamperingTest extends ChecklistTest {

    @Test(description = "A corrupted session cookie is treated as signed out, and signing in again works")
    @Story("A corrupted session cookie signs the user out cleanly")
    public void corruptedSessionCookieSignsOut() {
        checkTampered("a corrupted session cookie", (cookies, page) -> cookies.corruptIn(session.driver()));
    }

    @Test(description = "A session cookie kept from before a logout is refused, and signing in again works")
    @Story("Logout ends the session on the server")
    public void cookieReplayedAfterLogoutIsRefused() {
        checkTampered("the session cookie captured before logout", (cookies, page) -> {
            page.logout();
            cookies.replayIn(session.driver());
        });
    }

    @Test(description = "An expired session cookie is treated as signed out, and signing in again works")
    @Story("An expired session signs the user out cleanly")
    public void expiredSessionCookieSignsOut() {
        checkTampered("the session cookie expired", (cookies, page) -> cookies.expireIn(session.driver()));
    }

    private void checkTampered(String what, BiConsumer<SessionCookies, LoginPage> tamper) {
        var login = described(profile.login(), "login.url");
        var page = new LoginPage(session, login);
        page.open();
        var before = page.cookiesNow();
        page.loginAs(login.username(), login.password());
        if (!page.showsLoggedIn()) {
            throw new AssertionError("login should succeed before the session cookie can be tampered with, but " + page.currentUrl()
                    + " does not show '" + login.successMarker() + "'");
        }
        var cookies = SessionCookies.of(before, page.cookiesNow(), login.sessionCookies());
        var detail = what + " (" + cookies.names() + ")";
        Allure.step("Tamper: " + detail, () -> tamper.accept(cookies, page));
        session.traffic().expectUnauthorized(url(login.memberUrl())); // A site that signs in over HTTP may answer 401 with a challenge.
        var visit = Allure.step("Open the member page " + login.memberUrl() + " with " + detail,
                () -> page.openMemberPage(login.memberUrl()));
        assertSignedOut(login, page, visit, detail);
        Allure.step("Sign in afresh", () -> {
            page.open();
            page.loginAs(login.username(), login.password());
            if (!page.showsLoggedIn()) {
                throw new AssertionError("after " + detail + ", signing in again did not get in: " + page.currentUrl()
                        + " does not show '" + login.successMarker() + "'");
            }
        });
    }

    /** The one rule of "treated as signed out", with one line for each way a site gets it wrong. */
    private void assertSignedOut(Login login, LoginPage page, PageVisit visit, String detail) {
        var error = visit.response().flatMap(response -> response.error()).orElse("");
        var where = url(login.memberUrl());
        if (error.contains("ERR_TOO_MANY_REDIRECTS")) {
            throw new AssertionError(FindingKind.REDIRECT_LOOP.message("with " + detail + ", " + where + " redirects for ever ("
                    + error + "): a stale session must be sent to the login form once, and its cookie cleared"));
        }
        if (visit.status() >= 500) {
            throw new AssertionError(FindingKind.SERVER_ERROR.message("with " + detail + ", " + where + " answered " + visit.status()
                    + ": a bad session cookie must be answered as signed out, not crash the server"));
        }
        if (page.showsLoggedInNow()) {
            throw new AssertionError(FindingKind.STALE_SESSION.message("with " + detail + ", " + where + " still shows '"
                    + login.successMarker() + "': the server still accepts a session it should have ended"));
        }
        var challenged = visit.response().map(response -> !response.challenges().isEmpty()).orElse(false);
        if (visit.status() == 401 && !challenged && !page.isShowingForm()) {
            throw new AssertionError(FindingKind.UNEXPECTED_401.message("with " + detail + ", " + where + " answered 401 without a"
                    + " challenge or a login form: the user has no way back to signing in; send them to the login page instead"));
        }
        var onLoginPage = URI.create(visit.url()).getPath().equals(login.pagePath());
        if (visit.status() != 401 && !page.isShowingForm() && !onLoginPage) {
            throw new AssertionError(FindingKind.BROKEN_PAGE.message("with " + detail + ", " + where + " led to " + visit.url()
                    + " (status " + visit.statusText() + "), which shows neither the login form nor member content: a user whose"
                    + " session ended must be led to sign in again"));
        }
    }
}
