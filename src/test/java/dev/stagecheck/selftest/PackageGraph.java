package dev.stagecheck.selftest;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which package of the kit uses which, read from the compiled classes: every class name a class
 * file mentions (its constant pool: referenced classes, field and method types, generic
 * signatures), so a fully qualified name in code counts as much as an import.
 */
final class PackageGraph {
    private static final Pattern KIT_CLASS = Pattern.compile("dev/stagecheck/(?:[a-z0-9_]+/)*[A-Z][A-Za-z0-9_$]*");

    /** package -> package it uses -> the classes of the first that use the second (for the message). */
    private final Map<String, Map<String, Set<String>>> edges = new TreeMap<>();

    private PackageGraph() {
    }

    /** The graph of the classes under {@code root}: a directory of class files, or a jar. */
    static PackageGraph of(Path root) throws IOException {
        var graph = new PackageGraph();
        if (Files.isDirectory(root)) {
            graph.readTree(root);
        } else {
            try (var jar = FileSystems.newFileSystem(root)) {
                graph.readTree(jar.getPath("/"));
            }
        }
        return graph;
    }

    /** A graph given by hand: each entry is "from -> to" (for checking the cycle search itself). */
    static PackageGraph of(List<String> arrows) {
        var graph = new PackageGraph();
        for (var arrow : arrows) {
            var ends = arrow.split("\\s*->\\s*");
            graph.add(ends[0], ends[1], ends[0] + ".X");
        }
        return graph;
    }

    private void readTree(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            for (var file : files.filter(path -> path.toString().endsWith(".class")).toList()) {
                try (var in = Files.newInputStream(file)) {
                    readClass(in);
                }
            }
        }
    }

    private void readClass(InputStream stream) throws IOException {
        var names = utf8Constants(new DataInputStream(stream));
        var self = names.thisClass();
        if (self.isEmpty() || !self.get().startsWith("dev/stagecheck/")) {
            return;
        }
        var from = packageOf(self.get());
        edges.computeIfAbsent(from, key -> new TreeMap<>());
        var shortName = self.get().substring(self.get().lastIndexOf('/') + 1);
        for (var text : names.texts()) {
            var matcher = KIT_CLASS.matcher(text);
            while (matcher.find()) {
                var to = packageOf(matcher.group());
                if (!to.equals(from)) {
                    add(from, to, shortName.replaceFirst("\\$.*", ""));
                }
            }
        }
    }

    private void add(String from, String to, String user) {
        edges.computeIfAbsent(from, key -> new TreeMap<>()).computeIfAbsent(to, key -> new TreeSet<>()).add(user);
        edges.computeIfAbsent(to, key -> new TreeMap<>());
    }

    private static String packageOf(String internalName) {
        return internalName.substring(0, internalName.lastIndexOf('/')).replace('/', '.');
    }

    private record Constants(List<String> texts, Optional<String> thisClass) {}

    /** The class file's text constants and its own name (JVMS 4.1 and 4.4). */
    private static Constants utf8Constants(DataInputStream in) throws IOException {
        if (in.readInt() != 0xCAFEBABE) {
            return new Constants(List.of(), Optional.empty());
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        var count = in.readUnsignedShort();
        var utf8 = new String[count];
        var classNameIndex = new int[count];
        for (int i = 1; i < count; i++) {
            var tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // Longs and doubles take two entries.
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.readUnsignedShort(); // access flags
        var thisClass = in.readUnsignedShort();
        var texts = new ArrayList<String>();
        for (var text : utf8) {
            if (text != null) {
                texts.add(text);
            }
        }
        var name = thisClass > 0 && thisClass < count ? utf8[classNameIndex[thisClass]] : null;
        return new Constants(texts, Optional.ofNullable(name));
    }

    Set<String> packages() {
        return edges.keySet();
    }

    /** The packages {@code from} uses directly. */
    Set<String> uses(String from) {
        return edges.getOrDefault(from, Map.of()).keySet();
    }

    /** "a -> b (A, B)": an edge with the classes that make it. */
    String describe(String from, String to) {
        return from + " -> " + to + " (" + String.join(", ", edges.getOrDefault(from, Map.of()).getOrDefault(to, Set.of())) + ")";
    }

    /**
     * Every cycle's packages (each strongly connected component of more than one package, Tarjan's
     * algorithm), with one round trip through it spelled out edge by edge.
     */
    List<String> cycles() {
        var found = new ArrayList<String>();
        for (var component : components()) {
            if (component.size() > 1) {
                found.add(roundTrip(component));
            }
        }
        return found;
    }

    private List<Set<String>> components() {
        var index = new TreeMap<String, Integer>();
        var low = new TreeMap<String, Integer>();
        var stack = new ArrayDeque<String>();
        var onStack = new TreeSet<String>();
        var result = new ArrayList<Set<String>>();
        for (var start : edges.keySet()) {
            if (!index.containsKey(start)) {
                connect(start, index, low, stack, onStack, result);
            }
        }
        return result;
    }

    private void connect(String node, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                         Set<String> onStack, List<Set<String>> result) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (var next : uses(node)) {
            if (!index.containsKey(next)) {
                connect(next, index, low, stack, onStack, result);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            var component = new TreeSet<String>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            result.add(component);
        }
    }

    /** A shortest way from the component's first package back to itself, inside the component. */
    private String roundTrip(Set<String> component) {
        var start = component.iterator().next();
        var cameFrom = new TreeMap<String, String>();
        var queue = new ArrayDeque<String>(List.of(start));
        while (!queue.isEmpty()) {
            var node = queue.poll();
            for (var next : uses(node)) {
                if (!component.contains(next)) {
                    continue;
                }
                if (next.equals(start)) {
                    var path = new ArrayList<String>(List.of(describe(node, start)));
                    for (var at = node; !at.equals(start); at = cameFrom.get(at)) {
                        path.add(0, describe(cameFrom.get(at), at));
                    }
                    return "cycle among " + component + ": " + String.join(", ", path);
                }
                if (!cameFrom.containsKey(next)) {
                    cameFrom.put(next, node);
                    queue.add(next);
                }
            }
        }
        return "cycle among " + component;
    }
}
