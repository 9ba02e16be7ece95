package dev.stagecheck.pages;

import dev.stagecheck.browser.BrowserSession;
import dev.stagecheck.config.SiteProfile;
import dev.stagecheck.config.TargetSite;
import io.qameta.allure.Step;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.ArrayList;
import java.util.List;

/** The site's contact form, filled with the profile's values. */
public final class ContactForm extends PageObject {
    private final SiteProfile.ContactForm form;

    public ContactForm(BrowserSession session, SiteProfile.ContactForm form) {
        super(session);
        this.form = form;
    }

    @Step("Open the contact form")
    public PageVisit open() {
        return go(TargetSite.resolve(form.url()));
    }

    @Step("Send the form empty")
    public PageVisit sendEmpty() {
        for (var field : form.fields()) {
            visible(field.selector()).clear();
        }
        return sendAndWait();
    }

    @Step("Fill in every field and send")
    public PageVisit fillInAndSend() {
        for (var field : form.fields()) {
            type(field.selector(), field.typed());
        }
        return sendAndWait();
    }

    private PageVisit sendAndWait() {
        var submit = present(form.submit());
        // HTML5 constraint validation stops the browser from sending the form at all: no page comes.
        var browserWillRefuse = Boolean.TRUE.equals(script(
                "const f = arguments[0].form; return !!f && !f.noValidate && !f.checkValidity();", submit));
        if (browserWillRefuse) {
            session.safety().declared(submit::click);
            return stayed();
        }
        return submit(submit);
    }

    @Override
    protected String named(String css) {
        return "the contact form ('" + css + "')";
    }

    /**
     * Validation errors a user can see: the site's error markers, or fields the browser itself
     * flags as invalid (HTML5 constraint validation, for forms that never reach the server).
     */
    public List<String> visibleValidationErrors() {
        var errors = new ArrayList<String>();
        if (appears(form.errorMarker(), session.settings().elementTimeout())) {
            driver.findElements(By.cssSelector(form.errorMarker())).stream()
                    .filter(WebElement::isDisplayed)
                    .map(WebElement::getText)
                    .forEach(errors::add);
        }
        errors.addAll(invalidFields());
        return errors;
    }

    @SuppressWarnings("unchecked")
    private List<String> invalidFields() {
        var selectors = form.fields().stream().map(SiteProfile.Field::selector).toList();
        return (List<String>) script("return arguments[0].map(s => document.querySelector(s))"
                + ".filter(f => f && f.form && !f.form.noValidate && f.validity && !f.validity.valid)"
                + ".map(f => (f.name || f.id) + ': ' + f.validationMessage);", selectors);
    }

    public boolean showsConfirmation() {
        return appears(form.successMarker(), session.settings().elementTimeout());
    }

    public boolean showsConfirmationNow() {
        return isVisible(form.successMarker());
    }
}
