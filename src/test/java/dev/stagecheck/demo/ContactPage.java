package dev.stagecheck.demo;

import java.util.Map;

/**
 * {@code /contact}: the form, its server-side validation and the thank-you page. Invalid input
 * comes back with status 200, the typed values kept and one error per bad field; valid input
 * is stored and followed by a redirect, so a reload does not send the message twice.
 */
final class ContactPage {

    private final Layout layout;
    private final ContactInbox inbox;
    private final ErrorPages errors;

    ContactPage(Layout layout, ContactInbox inbox, ErrorPages errors) {
        this.layout = layout;
        this.inbox = inbox;
        this.errors = errors;
    }

    void addTo(Router router) {
        router.get("/contact", request -> form(request, new ContactMessage("", "", ""), Map.of()));
        router.post("/contact", this::submit);
        router.get("/contact/thanks", this::thanks);
    }

    private Response submit(Request request) {
        ContactMessage message = ContactMessage.from(request.form());
        Map<String, String> fieldErrors = message.errors();
        if (!fieldErrors.isEmpty()) {
            return form(request, message, fieldErrors);
        }
        String id = inbox.store(message);
        return Response.seeOther("/contact/thanks?ref=" + UrlEncoded.encode(id));
    }

    private Response thanks(Request request) {
        return request.queryParam("ref").flatMap(inbox::find)
                .map(message -> layout.page(request, PageTitle.of("Thank you"), """
                        <h1>Thank you</h1>
                        <div class="confirmation" role="status">Thanks, %s! Your message has been sent.</div>
                        <p>We usually answer within two working days.</p>""".formatted(Html.escape(message.name()))))
                .orElseGet(() -> errors.notFound(request));
    }

    private Response form(Request request, ContactMessage values, Map<String, String> fieldErrors) {
        String summary = fieldErrors.isEmpty() ? ""
                : "<p class=\"form-errors\" role=\"alert\">Please correct the highlighted fields.</p>\n";
        String main = """
                <h1>Contact us</h1>
                <p>Questions about the widgets? Send us a message and we will get back to you.</p>
                %s<form id="contact-form" method="post" action="/contact" novalidate>
                  <p class="field">
                    <label for="name">Name</label>
                    <input id="name" name="name" autocomplete="name" value="%s"%s>%s
                  </p>
                  <p class="field">
                    <label for="email">Email</label>
                    <input id="email" name="email" type="email" autocomplete="email" value="%s"%s>%s
                  </p>
                  <p class="field">
                    <label for="message">Message</label>
                    <textarea id="message" name="message" rows="6"%s>%s</textarea>%s
                  </p>
                  <p><button id="contact-submit" type="submit">Send</button></p>
                </form>""".formatted(summary,
                Html.escape(values.name()), invalid("name", fieldErrors), fieldError("name", fieldErrors),
                Html.escape(values.email()), invalid("email", fieldErrors), fieldError("email", fieldErrors),
                invalid("message", fieldErrors), Html.escape(values.message()), fieldError("message", fieldErrors));
        return layout.page(request, PageTitle.of("Contact"), main);
    }

    /** Marks a bad field for assistive technology and ties it to its error text. */
    private static String invalid(String field, Map<String, String> fieldErrors) {
        return fieldErrors.containsKey(field)
                ? " aria-invalid=\"true\" aria-describedby=\"" + field + "-error\""
                : "";
    }

    private static String fieldError(String field, Map<String, String> fieldErrors) {
        String message = fieldErrors.get(field);
        return message == null ? ""
                : "\n    <span class=\"field-error\" id=\"%s-error\" data-field=\"%s\">%s</span>"
                        .formatted(field, field, Html.escape(message));
    }
}
