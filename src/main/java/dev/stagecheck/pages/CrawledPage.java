package dev.stagecheck.pages;

import dev.stagecheck.browser.BrowserSession;
import org.openqa.selenium.WebDriverException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The page shown now as the crawler reads it: its title and every link on it, with the hamburger
 * menu opened too, so links a script adds to the menu only when it opens are found as well.
 */
public final class CrawledPage {
    /**
     * What a read found: the title and every link's resolved href, each once, in page order, and
     * those of them the page marks as downloads (the {@code download} attribute).
     *
     * @param notText its text is mostly bytes no encoding makes text of (a binary file, noise, served as HTML)
     */
    public record Reading(String title, List<String> links, Set<String> downloads, boolean notText) {
        /** A page with nothing to read (its tab's renderer died). */
        public static final Reading NOTHING = new Reading("", List.of(), Set.of(), false);
    }

    /** A read's script result: the title, whether the menu toggle is shown, and whether the text is text. */
    private record Read(String title, boolean menuToggleShown, boolean notText) {}

    /**
     * True when more than one character in twenty of the page's text (at least 200 characters) is a
     * control character or the replacement character: what binary bytes decoded as text look like,
     * and no page written in any language does.
     */
    private static final String NOT_TEXT = "(() => { const text = (document.body ? document.body.textContent : '').slice(0, 20000);"
            + " const odd = (text.match(/[\\u0000-\\u0008\\u000E-\\u001F\\u007F-\\u009F\\uFFFD]/g) || []).length;"
            + " return text.length >= 200 && odd * 20 > text.length; })()";

    private final BrowserSession session;
    private final MenuToggle menu;

    public CrawledPage(BrowserSession session, Optional<String> menuToggle) {
        this.session = session;
        this.menu = new MenuToggle(session.driver(), menuToggle);
    }

    /** The title and the links; the menu opened once when its toggle is shown, and its links read too. */
    public Reading read() {
        var links = new LinkedHashSet<String>();
        var downloads = new LinkedHashSet<String>();
        var page = read(links, downloads, menu.css());
        if (page.menuToggleShown() && menu.open()) {
            read(links, downloads, Optional.empty());
        }
        return new Reading(page.title(), List.copyOf(links), Set.copyOf(downloads), page.notText());
    }

    /**
     * Title, every link, and whether the menu toggle is shown, in one script call: one round trip per
     * page, not one per link or element.
     */
    @SuppressWarnings("unchecked")
    private Read read(Set<String> links, Set<String> downloads, Optional<String> toggle) {
        try {
            // The browser's own error page (chrome-error://, about:neterror) is no page of the site: its links are the browser's.
            var page = (Map<String, Object>) session.read("if (!/^https?:$/.test(location.protocol)) return {title: '', links: [], downloads: [], toggle: false, notText: false};"
                    + " return {title: document.title,"
                    + " links: Array.from(document.querySelectorAll('a[href]'), a => a.href),"
                    + " downloads: Array.from(document.querySelectorAll('a[href][download]'), a => a.href),"
                    + " toggle: !!(" + MenuToggle.SHOWN + "), notText: " + NOT_TEXT + "};", toggle.orElse(null));
            ((List<Object>) page.get("links")).forEach(link -> links.add(String.valueOf(link)));
            ((List<Object>) page.get("downloads")).forEach(link -> downloads.add(String.valueOf(link)));
            return new Read(String.valueOf(page.get("title")), Boolean.TRUE.equals(page.get("toggle")), Boolean.TRUE.equals(page.get("notText")));
        } catch (WebDriverException e) {
            return new Read("", false, false);
        }
    }

    /** Stops a load that outlasted the page timeout, so the next navigation starts clean. */
    public void stopLoading() {
        // Not through WebDriver: a script command to a hung tab would wait for the script timeout.
        session.stopLoading();
    }
}
