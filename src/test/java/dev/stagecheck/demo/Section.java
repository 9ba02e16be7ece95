package dev.stagecheck.demo;

import java.util.List;

/**
 * A top-level section: an index page, four pages and one illustration used on all of them.
 *
 * @param slug     first path segment, also the illustration's file name
 * @param index    the section's own page at {@code /slug/}
 * @param imageAlt text alternative for the illustration
 * @param pages    the four pages, in the order the section menu lists them
 */
record Section(String slug, ContentPage index, String imageAlt, List<ContentPage> pages) {

    Section {
        pages = List.copyOf(pages);
    }

    String name() {
        return index.heading();
    }

    String indexPath() {
        return "/" + slug + "/";
    }

    String imagePath() {
        return "/assets/img/" + slug + ".svg";
    }
}
