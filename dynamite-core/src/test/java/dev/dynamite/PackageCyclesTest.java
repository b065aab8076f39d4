package dev.dynamite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the layering of {@code dynamite-core}: the packages of its compiled classes must not depend on each other in
 * a circle. The public package sits on top and the internal ones below it, so no internal package may name a public
 * type, and among the internal ones each layer depends only on those below it.
 *
 * <p>Dependencies are read from the class files' constant pools (every class and descriptor they name), the way
 * {@code jdeps} reads them; string literals are left out.
 */
class PackageCyclesTest {
    private static final Path CLASSES = Path.of("target", "classes");
    private static final Pattern NAMED_TYPE = Pattern.compile("dev/dynamite((?:/[a-z][a-z0-9_]*)*)/[A-Z]");

    @Test
    void noPackageCycleInsideTheCore() throws IOException {
        Map<String, Map<String, Set<String>>> graph = dependencies();
        assertThat(graph.keySet()).as("packages read from %s", CLASSES.toAbsolutePath())
                .contains("dev.dynamite", "dev.dynamite.core.internal", "dev.dynamite.core.internal.model",
                        "dev.dynamite.core.internal.write");
        // the reading finds real edges: the public package uses the model runtime and the write path
        assertThat(graph.get("dev.dynamite")).containsKeys("dev.dynamite.core.internal.model",
                "dev.dynamite.core.internal");
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnected(graph)) {
            if (component.size() > 1) {
                StringBuilder cycle = new StringBuilder(String.join(" <-> ", component)).append(':');
                for (String from : component) {
                    graph.get(from).forEach((to, classes) -> {
                        if (component.contains(to)) {
                            cycle.append("\n  ").append(from).append(" -> ").append(to).append(" (")
                                    .append(String.join(", ", classes)).append(')');
                        }
                    });
                }
                cycles.add(cycle.toString());
            }
        }
        assertThat(cycles).as("package cycles").isEmpty();
    }

    @Test
    void noInternalPackageNamesThePublicOne() throws IOException {
        Map<String, Map<String, Set<String>>> graph = dependencies();
        List<String> upward = new ArrayList<>();
        graph.forEach((from, targets) -> {
            if (from.startsWith("dev.dynamite.core.internal") && targets.containsKey("dev.dynamite")) {
                upward.add(from + " -> dev.dynamite (" + String.join(", ", targets.get("dev.dynamite")) + ")");
            }
        });
        assertThat(upward).isEmpty();
    }

    /** Package to depended-on package to the classes of the first that name the second; own packages only. */
    private static Map<String, Map<String, Set<String>>> dependencies() throws IOException {
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(CLASSES)) {
            classFiles = files.filter(f -> f.toString().endsWith(".class")
                    && !f.getFileName().toString().equals("module-info.class")).toList();
        }
        for (Path file : classFiles) {
            String name = CLASSES.relativize(file).toString().replace('\\', '/');
            String pkg = name.substring(0, name.lastIndexOf('/')).replace('/', '.');
            graph.computeIfAbsent(pkg, p -> new TreeMap<>());
        }
        for (Path file : classFiles) {
            String name = CLASSES.relativize(file).toString().replace('\\', '/');
            String pkg = name.substring(0, name.lastIndexOf('/')).replace('/', '.');
            String simple = name.substring(name.lastIndexOf('/') + 1, name.length() - ".class".length());
            for (String text : symbols(file)) {
                Matcher matcher = NAMED_TYPE.matcher(text);
                while (matcher.find()) {
                    String target = "dev.dynamite" + matcher.group(1).replace('/', '.');
                    if (!target.equals(pkg) && graph.containsKey(target)) {
                        graph.get(pkg).computeIfAbsent(target, t -> new TreeSet<>()).add(simple);
                    }
                }
            }
        }
        return graph;
    }

    /** The UTF-8 entries of a class file's constant pool that are not string literals. */
    private static List<String> symbols(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            if (in.readInt() != 0xCAFEBABE) {
                throw new IOException(file + " is not a class file");
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            Map<Integer, String> utf8 = new HashMap<>();
            Set<Integer> literals = new HashSet<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8.put(i, in.readUTF());
                    case 8 -> literals.add(in.readUnsignedShort());
                    case 7, 16, 19, 20 -> in.readUnsignedShort();
                    case 15 -> in.skipNBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++;
                    }
                    default -> throw new IOException(file + ": unknown constant pool tag " + tag);
                }
            }
            List<String> symbols = new ArrayList<>();
            utf8.forEach((index, text) -> {
                if (!literals.contains(index)) {
                    symbols.add(text);
                }
            });
            return symbols;
        }
    }

    /** Tarjan's strongly connected components of the package graph. */
    private static List<Set<String>> stronglyConnected(Map<String, Map<String, Set<String>>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> components = new ArrayList<>();
        int[] counter = {0};
        for (String node : graph.keySet()) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, onStack, components, counter);
            }
        }
        return components;
    }

    private static void connect(String node, Map<String, Map<String, Set<String>>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> components, int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
        for (String next : graph.get(node).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, components, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }
}
