package dev.stagecheck.demo;

import java.util.ArrayList;
import java.util.List;

/** Page titles read most specific first and end in the site name: Alpha, Products, Demo Staging, joined by middle dots. */
final class PageTitle {

    static final String SITE_NAME = "Demo Staging";
    /** A middle dot between title parts (kept as an escape so the source stays ASCII). */
    static final String SEPARATOR = " \u00b7 ";

    private PageTitle() {
    }

    static String of(String... parts) {
        List<String> all = new ArrayList<>(List.of(parts));
        all.add(SITE_NAME);
        return String.join(SEPARATOR, all);
    }
}
