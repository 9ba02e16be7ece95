package dev.stagecheck.traffic;

/**
 * The site under test no longer answers at all (its base URL is refused, unreachable or silent):
 * the check that meets it, and every check after it, fails with this one line at once. A runtime
 * exception, so a crawl's workers stop together and its caller says why.
 */
public final class SiteStoppedAnswering extends RuntimeException {
    SiteStoppedAnswering(String line) {
        super(line, null, false, false);
    }
}
