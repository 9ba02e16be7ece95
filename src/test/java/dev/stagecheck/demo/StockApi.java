package dev.stagecheck.demo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code /api/stock}: a partner API behind Basic credentials that answers a missing or wrong one
 * with 401 and a JSON error but no {@code WWW-Authenticate} header, as WordPress's REST API and
 * many JSON APIs do. RFC 9110 wants a challenge; the demo profile declares the site's truth
 * ({@code api.2.challenge=none}), so the kit accepts it and says so as a warning.
 */
final class StockApi {
    static final String PATH = "/api/stock";

    void addTo(Router router) {
        router.get(PATH, this::stock);
    }

    private Response stock(Request request) {
        var presented = request.header("Authorization")
                .map(String::strip)
                .filter(value -> value.regionMatches(true, 0, "Basic ", 0, 6))
                .map(value -> decoded(value.substring(6).strip()));
        if (presented.isEmpty()) {
            return Response.json(401, "{\"code\":\"not_logged_in\",\"message\":\"You are not signed in.\"}").noStore();
        }
        if (!Secrets.matches(presented.get(), DemoCredentials.STOCK_CREDENTIALS)) {
            return Response.json(401, "{\"code\":\"incorrect_password\",\"message\":\"The credentials are wrong.\"}").noStore();
        }
        return Response.json(200, "{\"widget-1.4\":{\"in_stock\":42}}").noStore();
    }

    private static String decoded(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
