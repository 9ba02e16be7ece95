package dev.stagecheck.checklist;

import dev.stagecheck.pages.LoginPage;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import org.testng.annotations.Test;

import java.net.URI;
import java.util.Set;

import static org.testng.Assert.assertTrue;

/**
 * The guide's "clear cookies and cache": after clearing them a member page asks for login again
 * (no stale session, no 401), and logging in again works.
 */
@Feature("Cookies and cache")
public class CookiesAndCacheTest extends ChecklistTest {

    @Test(description = "After clearing cookies and cache, member pages ask for login again, and logging in again works")
    @Story("Sessions survive clearing cookies and cache")
    public void clearingCookiesAndCacheLogsOutCleanly() {
        var login = described(profile.login(), "login.url");
        var page = new LoginPage(session, login);
        page.open();
        page.loginAs(login.username(), login.password());
        assertTrue(page.showsLoggedIn(), "login should succeed before cookies are cleared (" + page.currentUrl() + ")");

        Allure.step("Clear cookies, cache and site storage, as the guide tells users to", () -> {
            var origin = URI.create(url("/"));
            session.clearBrowserState(Set.of(origin.getScheme() + "://" + origin.getAuthority()));
            session.driver().manage().deleteAllCookies();
        });
        LoginTest.assertAsksForLogin(login, page);

        Allure.step("Log in again", () -> {
            page.loginAs(login.username(), login.password());
            assertTrue(page.showsLoggedIn(), "logging in again after clearing cookies should work, but " + page.currentUrl()
                    + " does not show '" + login.successMarker() + "'");
        });
    }
}
