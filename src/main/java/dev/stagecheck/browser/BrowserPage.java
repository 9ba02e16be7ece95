package dev.stagecheck.browser;

/** The page a browser shows: go to a URL, read from the page, make it inert. */
interface BrowserPage {

    /** Types a URL into the address bar: returns once the page has loaded, as {@code driver.get} does. */
    void open(String url);

    /**
     * Runs a script body ({@code return ...}, with {@code arguments}) in the page and returns plain
     * data (strings, numbers, booleans, lists, maps; no elements).
     */
    Object read(String script, Object... arguments);

    /**
     * Makes the page shown now inert in place, so nothing it runs later (an unload handler, a timer)
     * can write cookies or storage after a reset cleared them. False when it cannot: the caller
     * must then leave the page.
     */
    boolean silence();

    /** Stops what the page is still loading (a load that outlasted the page timeout), so the next page starts clean. */
    void stopLoading();

    /** What went wrong with the tab itself since the last {@link #open}: a hang or a crash, each already mended. */
    java.util.Optional<TabTrouble> trouble();

    /**
     * True once the tab's renderer died: the kit's own DevTools connection goes on with a new one,
     * but WebDriver answers "tab crashed" for that tab from then on, so the browser is not reused.
     */
    boolean crashedOnce();

    /**
     * True when the tab can show no further page: a browser without DevTools whose page hung or
     * whose web process died. Its crawl goes on in a new browser; a DevTools tab mends itself.
     */
    default boolean unusable() {
        return false;
    }
}
