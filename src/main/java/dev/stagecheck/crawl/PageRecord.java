package dev.stagecheck.crawl;

import dev.stagecheck.safety.Refusal;
import dev.stagecheck.traffic.ConsoleEntry;
import dev.stagecheck.traffic.Dialog;
import dev.stagecheck.traffic.Exchange;

import java.util.List;
import java.util.Optional;

/**
 * What the crawl learned about one page. Only the sub-resources that went wrong are kept (plus a
 * count of all), so a crawl of thousands of pages stays small in memory.
 *
 * @param from             the page whose link led here ("" for a start URL)
 * @param status           the document's final status, 0 when the load failed (see error)
 * @param problemResources sub-resources that answered 4xx/5xx or failed
 * @param consoleErrors    console errors and uncaught exceptions while the page loaded (not the browser's
 *                         "Failed to load resource" notes, which repeat a problem sub-resource)
 * @param probeRequests    plain HTTP requests the kit sent to learn statuses the browser does not report
 * @param millis           the page's own load: from asking for it to its load event (not the wait for its network to go quiet)
 * @param lateRequests     what the page still had running when its load ended (an XHR, a late image), each with how long it took
 * @param dialogs          the JavaScript dialogs it opened (alert, confirm, prompt, beforeunload), each answered at once
 */
public record PageRecord(String url, String from, int depth, int status, Optional<String> error, List<String> challenges,
                         String title, long millis, int resourceCount, List<Exchange> problemResources,
                         List<ConsoleEntry> consoleErrors, int probeRequests, List<LateRequest> lateRequests, List<Dialog> dialogs) {

    /**
     * A request the page made that outlasted its load.
     *
     * @param stillRunning true when it had not ended when the crawl stopped waiting for it (then stopped)
     */
    public record LateRequest(String url, String type, long millis, boolean stillRunning) {}

    /** How an error starts when the page hung (a script that never ends, a load that never finishes). */
    public static final String HUNG = "page hung: ";
    /** How an error starts when the page's renderer died while it was shown. */
    public static final String CRASHED = "page crashed the tab: ";
    /** The note of a page whose text is no text: binary bytes served as a page. */
    public static final String NOT_TEXT = "its text is not text: mostly bytes no character encoding reads (a binary file or noise served as a page)";
    /** How an error starts when the load outlasted the page timeout and was stopped (what held it is a late request). */
    public static final String LOAD_STOPPED = "the load was stopped after ";

    public PageRecord {
        lateRequests = List.copyOf(lateRequests);
        dialogs = List.copyOf(dialogs);
    }

    /** A page that opened no dialog. */
    public PageRecord(String url, String from, int depth, int status, Optional<String> error, List<String> challenges,
                      String title, long millis, int resourceCount, List<Exchange> problemResources,
                      List<ConsoleEntry> consoleErrors, int probeRequests, List<LateRequest> lateRequests) {
        this(url, from, depth, status, error, challenges, title, millis, resourceCount, problemResources, consoleErrors, probeRequests,
                lateRequests, List.of());
    }

    /** A page whose loads all ended with it. */
    public PageRecord(String url, String from, int depth, int status, Optional<String> error, List<String> challenges,
                      String title, long millis, int resourceCount, List<Exchange> problemResources,
                      List<ConsoleEntry> consoleErrors, int probeRequests) {
        this(url, from, depth, status, error, challenges, title, millis, resourceCount, problemResources, consoleErrors, probeRequests,
                List.of());
    }

    /** This record with another note (what the crawl learned when it asked again). */
    public PageRecord withError(String note) {
        return new PageRecord(url, from, depth, status, Optional.of(note), challenges, title, millis, resourceCount, problemResources,
                consoleErrors, probeRequests, lateRequests, dialogs);
    }

    /** True when the page hung or crashed its tab (see {@link #HUNG}, {@link #CRASHED}). */
    public boolean broke() {
        return error.map(e -> e.startsWith(HUNG) || e.startsWith(CRASHED)).orElse(false);
    }

    /**
     * True when the page cost its crawl a whole page timeout (its load stopped at it, or a request
     * still running when the wait for quiet ran out) or broke the tab: a later crawl of the same
     * run does not pay for it again.
     */
    public boolean costATimeout() {
        return broke() || error.map(e -> e.startsWith(LOAD_STOPPED)).orElse(false)
                || lateRequests.stream().anyMatch(LateRequest::stillRunning);
    }

    public boolean loaded() {
        return status >= 200 && status < 400;
    }

    /** The kit did not let the browser stay on this page (a redirect to a link the safety policy refuses). */
    public boolean refusedForSafety() {
        return error.map(Refusal::isNote).orElse(false);
    }
}
