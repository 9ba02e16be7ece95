package dev.stagecheck.demo;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JSON API: {@code /api/orders} wants the API key (as a Bearer token or in {@code X-API-Key})
 * and answers a missing or wrong key with 401 and an RFC 6750 Bearer challenge;
 * {@code /api/status} is public.
 */
final class OrdersApi {

    static final String MISSING_KEY_CHALLENGE = "Bearer realm=\"Demo API\"";
    static final String WRONG_KEY_CHALLENGE = "Bearer realm=\"Demo API\", error=\"invalid_token\"";

    void addTo(Router router) {
        router.get("/api/status", request -> Response.json(200, "{\"status\":\"ok\"}").noStore());
        router.get("/api/orders", this::orders);
    }

    private Response orders(Request request) {
        Optional<String> bearer = request.header("Authorization")
                .map(String::strip)
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).strip());
        Optional<String> headerKey = request.header("X-API-Key").map(String::strip);
        var presented = Stream.of(bearer, headerKey).flatMap(Optional::stream).filter(key -> !key.isEmpty()).toList();
        if (presented.isEmpty()) {
            return Response.json(401, "{\"error\":\"missing_api_key\"}")
                    .withHeader("WWW-Authenticate", MISSING_KEY_CHALLENGE).noStore();
        }
        if (presented.stream().noneMatch(key -> Secrets.matches(key, DemoCredentials.API_KEY))) {
            return Response.json(401, "{\"error\":\"invalid_api_key\"}")
                    .withHeader("WWW-Authenticate", WRONG_KEY_CHALLENGE).noStore();
        }
        return Response.json(200, DemoOrders.json()).noStore();
    }
}
