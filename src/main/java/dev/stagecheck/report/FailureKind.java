package dev.stagecheck.report;

/**
 * The kinds of failure the report groups by. Every checklist failure message starts with one of
 * these labels, and Allure's categories.json matches on it.
 */
public enum FailureKind {
    UNEXPECTED_401("Unexpected 401"),
    WRONG_CHALLENGE("Wrong or missing challenge"),
    SERVER_ERROR("Server error"),
    BROKEN_PAGE("Broken page");

    private final String label;

    FailureKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** "Unexpected 401: " + detail, the shape every failure message has. */
    public String message(String detail) {
        return label + ": " + detail;
    }
}
