package dev.stagecheck.demo;

import java.util.List;
import java.util.Locale;

/**
 * One public page of text: the home page, a section index or a section page. Search looks in
 * the same fields the page shows, so what a visitor reads is what they can find.
 *
 * @param path       URL path, e.g. {@code /products/alpha}
 * @param title      the whole {@code <title>}, unique per page
 * @param heading    the {@code <h1>} and the link text in lists and search results
 * @param summary    one line for lists of pages
 * @param paragraphs the body text
 */
record ContentPage(String path, String title, String heading, String summary, List<String> paragraphs) {

    ContentPage {
        paragraphs = List.copyOf(paragraphs);
    }

    /** Case-insensitive match in the title or any text of the page. */
    boolean mentions(String query) {
        String needle = query.toLowerCase(Locale.ROOT);
        return title.toLowerCase(Locale.ROOT).contains(needle)
                || heading.toLowerCase(Locale.ROOT).contains(needle)
                || summary.toLowerCase(Locale.ROOT).contains(needle)
                || paragraphs.stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains(needle));
    }
}
