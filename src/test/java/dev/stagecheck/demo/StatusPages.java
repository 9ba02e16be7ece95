package dev.stagecheck.demo;

/**
 * The live status page and its history: the live page asks {@link #REPORT_PATH} for the current
 * report in the background (an XHR started once the page has loaded), as dashboards do. Linked
 * from nowhere unless {@link Fault#SLOW_REQUEST} is on, which makes that report slow.
 */
final class StatusPages {

    static final String LIVE_PATH = "/status/live";
    static final String HISTORY_PATH = "/status/history";
    static final String REPORT_PATH = "/status/api/report";

    /** Fills in the report once it arrives; an aborted request (the visitor left) is no error. */
    private static final String REPORT_SCRIPT = """
            <script>
            window.addEventListener("load", function () {
              var request = new XMLHttpRequest();
              request.open("GET", "%s");
              request.onload = function () {
                var shown = document.getElementById("status-report");
                if (shown) {
                  shown.textContent = request.status === 200 ? "All systems normal." : "Report not available.";
                }
              };
              request.send();
            });
            </script>
            """.formatted(REPORT_PATH);

    private final Layout layout;

    StatusPages(Layout layout) {
        this.layout = layout;
    }

    void addTo(Router router) {
        router.get(LIVE_PATH, request -> layout.page(request, PageTitle.of("Live status"), """
                <h1>Live status</h1>
                <p id="status-report">Loading the current report...</p>
                <p><a href="%s">Status history</a></p>
                %s""".formatted(HISTORY_PATH, REPORT_SCRIPT)).noStore());
        router.get(HISTORY_PATH, request -> layout.page(request, PageTitle.of("Status history"), """
                <h1>Status history</h1>
                <p>No incidents in the last 90 days.</p>
                <p><a href="%s">Live status</a></p>""".formatted(LIVE_PATH)).noStore());
        router.get(REPORT_PATH, request -> Response.json(200, "{\"status\": \"normal\"}").noStore());
    }
}
