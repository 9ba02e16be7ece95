package dev.stagecheck.pages;

/** A link as a user sees it: its text and where it goes (absolute URL). */
public record Link(String text, String href) {
    @Override
    public String toString() {
        return "'" + text + "' (" + href + ")";
    }
}
