package com.example.checks;

import dev.stagecheck.config.Settings;
import dev.stagecheck.config.SiteProfile.Login;
import dev.stagecheck.pages.FormSignIn;
import dev.stagecheck.pages.LoginPage;
import dev.stagecheck.pages.PageVisit;
import dev.stagecheck.pages.SignInFlow;
import io.qameta.allure.Step;

/** Our sign-in: staging shows a cookie banner over the login form; accept it, then sign in as usual. */
public class ConsentFirstSignIn implements SignInFlow {
    private final SignInFlow form = new FormSignIn();

    @Override
    @Step("Accept the cookie banner, then sign in")
    public PageVisit signIn(LoginPage page, Login login, String username, String password) {
        if (!page.isShowingForm()) {
            page.open();
        }
        Settings.current().profile().custom().find("consent.accept").ifPresent(page::dismiss);
        return form.signIn(page, login, username, password);
    }
}
