package dev.stagecheck.demo;

import java.util.List;
import java.util.stream.Collectors;

/** The member's three orders, shown on {@code /members/orders} and served by {@code /api/orders}. */
final class DemoOrders {

    record Order(String id, String product, int quantity, String total, String status) {

        String toJson() {
            return "{\"id\":%s,\"product\":%s,\"quantity\":%d,\"total\":%s,\"status\":%s}".formatted(
                    Json.string(id), Json.string(product), quantity, Json.string(total), Json.string(status));
        }
    }

    static final List<Order> ALL = List.of(
            new Order("ORD-1001", "Alpha", 1, "0.00 EUR", "active"),
            new Order("ORD-1002", "Beta", 2, "58.00 EUR", "paid"),
            new Order("ORD-1003", "Gamma", 1, "99.00 EUR", "pending"));

    private DemoOrders() {
    }

    static String json() {
        return ALL.stream().map(Order::toJson).collect(Collectors.joining(",", "[", "]"));
    }
}
