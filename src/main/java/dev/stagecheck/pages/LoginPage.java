package dev.stagecheck.pages;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.config.SecretRef;
import dev.stagecheck.config.SiteProfile.Login;
import dev.stagecheck.config.TargetSite;
import io.qameta.allure.Step;
import org.openqa.selenium.By;

/**
 * The site's login form. Credentials are passed as {@link SecretRef}s (names, not values), so
 * neither step names nor step parameters in the report can carry a password.
 */
public final class LoginPage extends PageObject {
    private final Login login;

    public LoginPage(BrowserSession session, Login login) {
        super(session);
        this.login = login;
    }

    @Step("Open the login page")
    public PageVisit open() {
        return go(TargetSite.resolve(login.url()));
    }

    @Step("Log in with the profile's credentials ({username})")
    public PageVisit loginAs(SecretRef username, SecretRef password) {
        return submit(username.value(), password.value());
    }

    @Step("Log in as the profile's user ({username}) with a wrong password")
    public PageVisit loginWithWrongPassword(SecretRef username) {
        return submit(username.value(), "wrong-" + Long.toHexString(System.nanoTime()));
    }

    private PageVisit submit(String username, String password) {
        if (!isShowingForm()) {
            open();
        }
        type(login.usernameField(), username);
        type(login.passwordField(), password);
        return navigate(() -> driver.findElement(By.cssSelector(login.submit())).click());
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

    @Step("Log out")
    public PageVisit logout() {
        return go(TargetSite.resolve(login.logoutUrl()));
    }
}
