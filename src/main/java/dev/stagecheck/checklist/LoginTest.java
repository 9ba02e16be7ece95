package dev.stagecheck.checklist;

import dev.stagecheck.config.SiteProfile.Login;
import dev.stagecheck.pages.LoginPage;
import dev.stagecheck.pages.SitePage;
import dev.stagecheck.verdict.FindingKind;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import org.testng.annotations.Test;

import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/** The guide's login checks: the right credentials get in, a wrong password is refused politely, logout ends it. */
@Feature("Login")
public class LoginTest extends ChecklistTest {

    @Test(description = "Valid credentials reach the member area")
    @Story("Right credentials get in")
    public void validCredentialsReachTheMemberArea() {
        var login = described(profile.login(), "login.url");
        var page = new LoginPage(session, login);
        assertLoaded(page.open(), "login page");
        assertLoaded(page.loginAs(login.username(), login.password()), "page after login");
        assertTrue(page.showsLoggedIn(), "after logging in with the profile's credentials, '" + login.successMarker()
                + "' should show on " + page.currentUrl());
        var member = Allure.step("Open the member page " + login.memberUrl(),
                () -> new SitePage(session, profile.navigation()).open(url(login.memberUrl())));
        assertLoaded(member, "member page");
        assertTrue(page.showsLoggedIn(), "member page " + member.url() + " should show '" + login.successMarker() + "' to a logged-in user");
    }

    @Test(description = "A wrong password shows the site's error message: not a 401 page, not a lock-out")
    @Story("Wrong credentials are refused politely")
    public void wrongPasswordShowsTheSiteErrorNotA401() {
        var login = described(profile.login(), "login.url");
        var page = new LoginPage(session, login);
        page.open();
        var refused = page.loginWithWrongPassword(login.username());
        assertTrue(refused.status() != 401, "Unexpected 401: a wrong password should be answered by the login form's error, but "
                + refused.url() + " answered 401");
        assertTrue(refused.status() < 500, "Server error: the login with a wrong password answered " + refused.status());
        assertTrue(page.showsFailure(), "after a wrong password, '" + login.failureMarker() + "' should show on " + refused.url()
                + " (status " + refused.statusText() + ")");
        assertFalse(page.showsLoggedInNow(), "a wrong password must not log in, but '" + login.successMarker() + "' shows");
        Allure.step("The right password still works afterwards (no lock-out)", () -> {
            var again = page.loginAs(login.username(), login.password());
            assertLoaded(again, "page after login");
            if (!page.showsLoggedIn()) {
                // Say what came instead of guessing why: the user knows their site's lock-out rules.
                throw new AssertionError("after one wrong password, the right password did not get in: " + again.url()
                        + " (status " + again.statusText() + ", title '" + again.title() + "') shows "
                        + (page.showsFailureNow() ? "the login error '" + login.failureMarker() + "' again"
                                : "neither '" + login.successMarker() + "' nor the login error '" + login.failureMarker() + "'"));
            }
        });
    }

    @Test(description = "Logging out ends the session: member pages ask for login again")
    @Story("Logout ends the session")
    public void logoutEndsTheSession() {
        var login = described(profile.login(), "login.url");
        var page = new LoginPage(session, login);
        page.open();
        page.loginAs(login.username(), login.password());
        assertTrue(page.showsLoggedIn(), "login should succeed before logout can be checked (" + page.currentUrl() + ")");
        assertLoaded(page.logout(), "page after logout");
        assertAsksForLogin(login, page);
    }

    /** A member page seen without a session must lead to the login form, not show member content and not 401. */
    static void assertAsksForLogin(Login login, LoginPage page) {
        var visit = Allure.step("Open the member page " + login.memberUrl() + " without a session",
                () -> page.openMemberPage(login.memberUrl()));
        assertTrue(visit.status() != 401, "Unexpected 401: without a session, " + visit.url()
                + " should send the user to the login page, but it answered 401");
        assertFalse(page.showsLoggedInNow(), FindingKind.STALE_SESSION.message(visit.url() + " still shows '"
                + login.successMarker() + "' without a session: the server still knows the user after logout or cleared cookies"));
        assertTrue(page.isShowingForm(), "without a session, " + login.memberUrl() + " should lead to the login form, but "
                + visit.url() + " (status " + visit.statusText() + ") shows none");
    }
}
