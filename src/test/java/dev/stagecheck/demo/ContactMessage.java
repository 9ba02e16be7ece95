package dev.stagecheck.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a visitor typed into the contact form, and the server-side rules it must pass. The form
 * has {@code novalidate}, so these rules, not the browser's, decide what is an error.
 */
record ContactMessage(String name, String email, String message) {

    static final int MIN_MESSAGE_LENGTH = 10;
    /** The shape x@y.z: something, an at sign, something, a dot, something; no spaces. */
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    static ContactMessage from(Map<String, String> form) {
        return new ContactMessage(form.getOrDefault("name", ""), form.getOrDefault("email", ""),
                form.getOrDefault("message", ""));
    }

    /** Field name to the message shown next to it, in form order; empty when the message may be sent. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (name.isBlank()) {
            errors.put("name", "Please enter your name.");
        }
        if (!EMAIL_SHAPE.matcher(email.strip()).matches()) {
            errors.put("email", "Please enter a valid email address.");
        }
        if (message.strip().codePointCount(0, message.strip().length()) < MIN_MESSAGE_LENGTH) {
            errors.put("message", "Please write at least " + MIN_MESSAGE_LENGTH + " characters.");
        }
        return errors;
    }
}
