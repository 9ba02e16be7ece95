package dev.stagecheck.demo;

/** The HTML pages for 4xx and 5xx answers, in the site layout so a browser test sees a real page. */
final class ErrorPages {

    private final Layout layout;

    ErrorPages(Layout layout) {
        this.layout = layout;
    }

    Response notFound(Request request) {
        return page(request, 404, "Not Found", "Page not found",
                "There is no page at " + Html.escape(request.path()) + ". Try the menu or the search box.");
    }

    Response methodNotAllowed(Request request, String allow) {
        return page(request, 405, "Method Not Allowed", "Method not allowed",
                "This page does not accept " + Html.escape(request.method()) + " requests.")
                .withHeader("Allow", allow);
    }

    Response forbidden(Request request, String why) {
        return page(request, 403, "Forbidden", "Forbidden", Html.escape(why)).noStore();
    }

    /** Any other status, e.g. 400 for a malformed query, 404 for a missing item or 500 for a bug in the demo itself. */
    Response status(Request request, int status, String message) {
        String reason = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 413 -> "Payload Too Large";
            case 500 -> "Internal Server Error";
            default -> "Error";
        };
        return page(request, status, reason, reason, Html.escape(message));
    }

    private Response page(Request request, int status, String reason, String heading, String messageHtml) {
        String main = """
                <h1>%s</h1>
                <p class="error-message">%s</p>
                <p><a href="/">Back to the home page</a></p>""".formatted(heading, messageHtml);
        return layout.page(request, status, PageTitle.of(status + " " + reason), main);
    }
}
