package dev.stagecheck.browser;

/**
 * What went wrong with the tab itself while it showed the last page: its script kept it busy (a
 * loop that never ends: the kit stopped the script), or its renderer died (out of memory, a crash:
 * the kit gave the tab a new one). Either way the tab works again for the next page.
 *
 * @param crashed true when the renderer died, false when it hung
 * @param detail  what happened, for a finding ("its script kept the tab busy for 8 s ...")
 */
public record TabTrouble(boolean crashed, String detail) {

    static TabTrouble hung(String detail) {
        return new TabTrouble(false, detail);
    }

    static TabTrouble crashed(String detail) {
        return new TabTrouble(true, detail);
    }
}
