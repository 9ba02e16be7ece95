package dev.stagecheck.pages;

import dev.stagecheck.config.SiteProfile.Login;

/** The default {@link SignInFlow}: the login form of the profile, filled in and sent with its button. */
public final class FormSignIn implements SignInFlow {

    @Override
    public PageVisit signIn(LoginPage page, Login login, String username, String password) {
        if (!page.isShowingForm()) {
            page.open();
        }
        page.fillIn(login.usernameField(), username);
        page.fillIn(login.passwordField(), password);
        return page.press(login.submit());
    }
}
