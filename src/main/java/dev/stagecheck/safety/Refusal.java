package dev.stagecheck.safety;

/**
 * A request the kit did not make because it could change the site: which URL (already made safe
 * for reports) and the rule that refused it, in words a user can act on.
 *
 * @param rule the rule as one short phrase, e.g. {@code query parameter _wpnonce (one-time token or action)}
 */
public record Refusal(String url, String rule) {

    /** How the note of a page or resource the kit kept the browser or a probe away from begins. */
    public static final String NOTE = "not requested for safety: ";

    public String note() {
        return NOTE + rule;
    }

    /** True for the note of something the kit did not request for safety. */
    public static boolean isNote(String text) {
        return text.startsWith(NOTE);
    }
}
