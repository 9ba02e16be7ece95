package dev.stagecheck.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Maps a path and method to a {@link Handler}. Exact paths win over areas (a path prefix such as
 * {@code /admin}). HEAD is served by the GET handler; a known path with an unknown method gets
 * 405 with an {@code Allow} header, an unknown path 404.
 */
final class Router {

    private final Map<String, Map<String, Handler>> exact = new LinkedHashMap<>();
    private final List<Area> areas = new ArrayList<>();
    private final ErrorPages errors;
    /** What answers first: the routing below, or a wrapper around all of it ({@link #wrapAll}). */
    private Handler front = this::dispatch;

    Router(ErrorPages errors) {
        this.errors = errors;
    }

    /** A whole subtree: the path itself and everything below {@code path + "/"}. */
    private record Area(String root, Map<String, Handler> byMethod) {
        boolean contains(String path) {
            return path.equals(root) || path.startsWith(root + "/");
        }
    }

    Router get(String path, Handler handler) {
        return on("GET", path, handler);
    }

    Router post(String path, Handler handler) {
        return on("POST", path, handler);
    }

    Router redirect(String from, String to) {
        return get(from, request -> Response.movedPermanently(to));
    }

    /** GET for a whole area, e.g. {@code /admin} and {@code /admin/...}. */
    Router getArea(String root, Handler handler) {
        areas.add(new Area(root, Map.of("GET", handler)));
        return this;
    }

    /**
     * Replaces the handler of an exact route with one built around it, e.g. to inject a fault;
     * the route must exist, so a renamed page cannot silently lose its wrapper.
     */
    Router wrap(String method, String path, UnaryOperator<Handler> wrapper) {
        Map<String, Handler> byMethod = exact.get(path);
        Handler original = byMethod == null ? null : byMethod.get(method);
        if (original == null) {
            throw new IllegalStateException("no " + method + " route for " + path + " to wrap");
        }
        byMethod.put(method, wrapper.apply(original));
        return this;
    }

    /** Like {@link #wrap}, for the GET handler of an area added with {@link #getArea}. */
    Router wrapArea(String root, UnaryOperator<Handler> wrapper) {
        for (int i = 0; i < areas.size(); i++) {
            Area area = areas.get(i);
            if (area.root().equals(root)) {
                Map<String, Handler> byMethod = new LinkedHashMap<>(area.byMethod());
                byMethod.put("GET", wrapper.apply(byMethod.get("GET")));
                areas.set(i, new Area(root, Map.copyOf(byMethod)));
                return this;
            }
        }
        throw new IllegalStateException("no area " + root + " to wrap");
    }

    /** Puts a handler in front of every request, known path or not, e.g. a fault that locks the whole site. */
    Router wrapAll(UnaryOperator<Handler> wrapper) {
        front = wrapper.apply(front);
        return this;
    }

    private Router on(String method, String path, Handler handler) {
        exact.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, handler);
        return this;
    }

    Response route(Request request) {
        return front.handle(request);
    }

    private Response dispatch(Request request) {
        Optional<Map<String, Handler>> byMethod = handlersFor(request.path());
        if (byMethod.isEmpty()) {
            return errors.notFound(request);
        }
        String method = request.method().equals("HEAD") ? "GET" : request.method();
        Handler handler = byMethod.get().get(method);
        return handler != null ? handler.handle(request) : errors.methodNotAllowed(request, allow(byMethod.get()));
    }

    private Optional<Map<String, Handler>> handlersFor(String path) {
        Map<String, Handler> byMethod = exact.get(path);
        if (byMethod != null) {
            return Optional.of(byMethod);
        }
        return areas.stream().filter(area -> area.contains(path)).map(Area::byMethod).findFirst();
    }

    private static String allow(Map<String, Handler> byMethod) {
        TreeSet<String> methods = new TreeSet<>(byMethod.keySet());
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        return String.join(", ", methods);
    }
}
