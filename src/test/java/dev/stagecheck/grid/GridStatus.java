package dev.stagecheck.grid;

import org.openqa.selenium.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a Grid's {@code /status} says, reduced to what the local Grid and its self-test look at:
 * whether it is ready, and per node its availability and slots (which browser, busy or not).
 */
public record GridStatus(boolean ready, List<Node> nodes) {

    public record Node(String uri, String availability, List<Slot> slots) {
        public boolean up() {
            return "UP".equalsIgnoreCase(availability);
        }
    }

    public record Slot(String browserName, boolean busy) {}

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The status, or empty when the server does not answer (yet). */
    static Optional<GridStatus> fetch(URI server) {
        try {
            var request = HttpRequest.newBuilder(server.resolve("/status")).timeout(Duration.ofSeconds(5)).build();
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(parse(response.body())) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static GridStatus parse(String body) {
        Map<String, Object> root = new Json().toType(body, Json.MAP_TYPE);
        var value = map(root.get("value"));
        var nodes = new ArrayList<Node>();
        for (var node : list(value.get("nodes"))) {
            var fields = map(node);
            var slots = new ArrayList<Slot>();
            for (var slot : list(fields.get("slots"))) {
                var slotFields = map(slot);
                var name = map(slotFields.get("stereotype")).get("browserName");
                slots.add(new Slot(name == null ? "" : name.toString(), slotFields.get("session") != null));
            }
            nodes.add(new Node(String.valueOf(fields.get("uri")), String.valueOf(fields.get("availability")), List.copyOf(slots)));
        }
        return new GridStatus(Boolean.TRUE.equals(value.get("ready")), List.copyOf(nodes));
    }

    /** Whether an UP node offers a slot for this browserName. */
    public boolean offers(String browserName) {
        return nodes.stream().filter(Node::up)
                .anyMatch(node -> node.slots().stream().anyMatch(slot -> slot.browserName().equalsIgnoreCase(browserName)));
    }

    /** Sessions running now, on all nodes. */
    public int busySlots() {
        return (int) nodes.stream().flatMap(node -> node.slots().stream()).filter(Slot::busy).count();
    }

    /** Sessions running now for this browserName. */
    public int busySlots(String browserName) {
        return (int) nodes.stream().flatMap(node -> node.slots().stream())
                .filter(slot -> slot.busy() && slot.browserName().equalsIgnoreCase(browserName)).count();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
