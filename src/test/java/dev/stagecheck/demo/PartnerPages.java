package dev.stagecheck.demo;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pages built the way third-party software builds them, linked from every page's footer: element
 * ids and asset URLs made up anew on every request (a cache-busting query on the widget script,
 * a version on the badge), an A/B test that shows either of two headings and offer lists, a
 * notice banner that comes and goes at random, and a tracking call answered 204. All of it is
 * healthy: a kit that reports anything here, or a regression against a baseline, is wrong.
 */
final class PartnerPages {

    static final String INDEX_PATH = "/partners/";
    static final String OFFERS_PATH = "/partners/offers";
    static final String WIDGET_PATH = "/assets/partners/widget.js";
    static final String BADGE_PATH = "/assets/partners/badge.svg";
    static final String IMPRESSION_PATH = "/partners/api/impression";

    /** Counts an impression in the background, as an advertising widget does; fills in the slot it was given. */
    private static final String WIDGET_JS = """
            (function () {
              "use strict";
              var slot = document.querySelector("[data-partner-slot]");
              if (slot) {
                slot.textContent = "Offer of the day: widgets for teams of every size.";
              }
              if (window.fetch) {
                fetch("%s?id=" + Math.random().toString(36).slice(2), {credentials: "same-origin"})
                    .catch(function () { /* the visitor left: nothing to count */ });
              }
            })();
            """.formatted(IMPRESSION_PATH);

    private static final String BADGE_SVG = """
            <svg xmlns="http://www.w3.org/2000/svg" width="96" height="32" viewBox="0 0 96 32">
              <rect width="96" height="32" rx="6" fill="#0f766e"/>
              <text x="48" y="21" font-family="sans-serif" font-size="13" fill="#ffffff" text-anchor="middle">Partner</text>
            </svg>
            """;

    private static final String[] NOTICES = {
            "Maintenance window on Sunday night: partner offers may be unavailable for an hour.",
            "New partner: Delta Widgets joins the programme this month.",
            "Cookie notice: partner pages use a cookie to count visits."};

    private final Layout layout;

    PartnerPages(Layout layout) {
        this.layout = layout;
    }

    void addTo(Router router) {
        router.get(INDEX_PATH, request -> page(request, "Partners", variant() ? "Our partners" : "Meet our partners", """
                <p>Companies that build on Demo Widgets.</p>
                <ul class="page-list">
                  <li><a href="%s">Partner offers</a></li>
                </ul>""".formatted(OFFERS_PATH)));
        router.get(OFFERS_PATH, request -> page(request, "Partner offers", "Partner offers", variant()
                ? "<ul><li>Alpha for schools: free</li><li>Beta for non-profits: half price</li></ul>"
                : "<ol><li>Beta for non-profits: half price</li><li>Alpha for schools: free</li><li>Gamma trial: 30 days</li></ol>"));
        router.redirect("/partners", INDEX_PATH);
        router.get(WIDGET_PATH, request -> asset("text/javascript; charset=utf-8", WIDGET_JS));
        router.get(BADGE_PATH, request -> asset("image/svg+xml; charset=utf-8", BADGE_SVG));
        router.get(IMPRESSION_PATH, request -> new Response(204, Map.of("Cache-Control", "no-store"), new byte[0]));
    }

    /** The partner shell: dynamic ids, the badge, the widget with a cache buster, sometimes a notice. */
    private Response page(Request request, String title, String heading, String bodyHtml) {
        var id = RandomIds.hex32().substring(0, 8);
        var random = ThreadLocalRandom.current();
        var notice = random.nextBoolean()
                ? "<div class=\"partner-notice\" id=\"notice-" + id + "\" role=\"status\">" + NOTICES[random.nextInt(NOTICES.length)] + "</div>\n"
                : "";
        return layout.page(request, PageTitle.of(title), """
                %s<h1 id="h-%s">%s</h1>
                <img src="%s?v=%d" alt="Partner" width="96" height="32">
                %s
                <div id="slot-%s" data-partner-slot></div>
                <script src="%s?cb=%s" defer></script>""".formatted(notice, id, Html.escape(heading), BADGE_PATH, random.nextInt(1, 1000),
                bodyHtml, id, WIDGET_PATH, RandomIds.hex32())).noStore();
    }

    private static boolean variant() {
        return ThreadLocalRandom.current().nextBoolean();
    }

    private static Response asset(String contentType, String text) {
        return new Response(200, Map.of("Content-Type", contentType, "Cache-Control", "public, max-age=300"),
                text.getBytes(StandardCharsets.UTF_8));
    }
}
