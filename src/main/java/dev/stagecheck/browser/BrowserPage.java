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
}
