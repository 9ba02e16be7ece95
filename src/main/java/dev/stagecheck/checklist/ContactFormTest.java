package dev.stagecheck.checklist;

import dev.stagecheck.pages.ContactForm;
import io.qameta.allure.Allure;
import io.qameta.allure.Feature;
import io.qameta.allure.Story;
import org.testng.annotations.Test;

import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

/** The guide's "test interactive elements": the contact form validates and sends. */
@Feature("Forms")
public class ContactFormTest extends ChecklistTest {

    @Test(description = "Sending the contact form empty shows visible validation errors")
    @Story("Contact form validates")
    public void emptyContactFormShowsValidationErrors() {
        var spec = described(profile.contact(), "contact.url");
        var form = new ContactForm(session, spec);
        assertLoaded(form.open(), "contact page");
        var sent = form.sendEmpty();
        assertLoaded(sent, "contact form answer");
        var errors = form.visibleValidationErrors();
        Allure.addAttachment("Validation errors shown", "text/plain", String.join("\n", errors) + "\n", ".txt");
        assertFalse(errors.isEmpty(), "an empty contact form should show validation errors ('" + spec.errorMarker()
                + "' or invalid fields), but " + sent.url() + " (status " + sent.statusText() + ") shows none");
        assertFalse(form.showsConfirmationNow(), "an empty contact form must not be confirmed, but '" + spec.successMarker() + "' shows");
    }

    @Test(description = "A filled-in contact form is sent and confirmed")
    @Story("Contact form sends")
    public void filledContactFormIsConfirmed() {
        var spec = described(profile.contact(), "contact.url");
        var form = new ContactForm(session, spec);
        assertLoaded(form.open(), "contact page");
        var sent = form.fillInAndSend();
        assertLoaded(sent, "contact form answer");
        assertTrue(form.showsConfirmation(), "after sending the filled-in form, '" + spec.successMarker() + "' should show on "
                + sent.url() + " (status " + sent.statusText() + ")");
    }
}
