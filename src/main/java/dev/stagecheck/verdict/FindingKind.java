package dev.stagecheck.verdict;

/**
 * The kinds of problem the kit reports. Every failure message names its kind as a label
 * ("Unexpected 401: ..."), and Allure's categories.json groups failures by that label.
 */
public enum FindingKind {
    UNEXPECTED_401("Unexpected 401"),
    UNEXPECTED_403("Unexpected 403"),
    WRONG_CHALLENGE("Wrong or missing challenge"),
    NOT_PROTECTED("Not protected"),
    STALE_SESSION("Stale session"),
    BROKEN_LINK("Broken link"),
    SERVER_ERROR("Server error"),
    CONSOLE_ERROR("Console error"),
    SLOW_PAGE("Slow page"),
    REDIRECT_LOOP("Redirect loop"),
    SERVER_LOG("Server log"),
    REGRESSION("Regression"),
    BROKEN_PAGE("Broken page");

    private final String label;

    FindingKind(String label) {
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
