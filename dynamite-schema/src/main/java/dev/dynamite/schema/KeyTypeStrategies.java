package dev.dynamite.schema;

import dev.dynamite.schema.internal.Failures;
import dev.dynamite.api.PluginLoadException;
import dev.dynamite.schema.internal.keys.NativeKeyTypeStrategy;
import dev.dynamite.schema.internal.keys.StringKeyTypeStrategy;
import dev.dynamite.spi.KeyTypeStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.jspecify.annotations.Nullable;

/**
 * Finds key type strategies by name: the bundled {@code string} and {@code native} strategies, and
 * {@link KeyTypeStrategy} plugins found through {@link ServiceLoader}.
 *
 * <p>Plugins are looked up with the thread's context class loader, so strategies in the module path, the class path
 * or a module layer of that loader are all found. The order is deterministic: higher {@link
 * KeyTypeStrategy#priority()} first, then class name; for two strategies of the same name the first in that order
 * wins, so a plugin can replace a bundled strategy by giving a priority above theirs ({@code -100}). The bundled
 * strategies are made here rather than registered as services: a cold JVM then makes only the one it asks for and
 * reads no services file of its own. Thread-safe; every call reloads, so call it once per configuration.
 */
public final class KeyTypeStrategies {
    /** The name of the default strategy. */
    public static final String DEFAULT = StringKeyTypeStrategy.NAME;

    private KeyTypeStrategies() {
    }

    /**
     * Returns the strategy registered under a name.
     *
     * @param name the strategy's {@link KeyTypeStrategy#name()}, e.g. {@code "native"}
     * @return the strategy
     * @throws PluginLoadException if no strategy has that name (the message lists those that exist), or if a
     *     registered strategy cannot be loaded
     */
    public static KeyTypeStrategy named(String name) {
        List<KeyTypeStrategy> candidates = plugins();
        KeyTypeStrategy bundled = bundled(name);
        if (bundled != null) {
            candidates.add(bundled);
        }
        KeyTypeStrategy found = byName(candidates).get(name);
        if (found == null) {
            throw Failures.pluginLoad("No KeyTypeStrategy named '" + name + "'; available: "
                    + String.join(", ", available().keySet())
                    + ". Register yours with 'provides dev.dynamite.spi.KeyTypeStrategy with …' in module-info.java"
                    + " (or META-INF/services on the class path).", null);
        }
        return found;
    }

    /**
     * Returns every strategy by name, bundled and discovered, in priority order.
     *
     * @return an unmodifiable map from name to strategy
     * @throws PluginLoadException if a registered strategy cannot be loaded or instantiated
     */
    public static Map<String, KeyTypeStrategy> available() {
        List<KeyTypeStrategy> candidates = plugins();
        candidates.add(new StringKeyTypeStrategy());
        candidates.add(new NativeKeyTypeStrategy());
        return byName(candidates);
    }

    /** The bundled strategy of a name, made now; null if none has it. */
    private static @Nullable KeyTypeStrategy bundled(String name) {
        if (StringKeyTypeStrategy.NAME.equals(name)) {
            return new StringKeyTypeStrategy();
        }
        if (NativeKeyTypeStrategy.NAME.equals(name)) {
            return new NativeKeyTypeStrategy();
        }
        return null;
    }

    /** The strategies the service loader finds, in a list the caller may add to. */
    private static List<KeyTypeStrategy> plugins() {
        List<KeyTypeStrategy> found = new ArrayList<>();
        try {
            for (KeyTypeStrategy strategy : ServiceLoader.load(KeyTypeStrategy.class)) {
                found.add(strategy);
            }
        } catch (ServiceConfigurationError e) {
            throw Failures.pluginLoad("Cannot load a KeyTypeStrategy plugin: " + e.getMessage(), e);
        }
        return found;
    }

    /** Sorts the strategies into priority order and keeps the first of each name. */
    private static Map<String, KeyTypeStrategy> byName(List<KeyTypeStrategy> found) {
        // an insertion sort by a static comparison: no comparator class to load when a cold JVM builds its client
        for (int i = 1; i < found.size(); i++) {
            KeyTypeStrategy strategy = found.get(i);
            int j = i - 1;
            for (; j >= 0 && before(strategy, found.get(j)); j--) {
                found.set(j + 1, found.get(j));
            }
            found.set(j + 1, strategy);
        }
        Map<String, KeyTypeStrategy> byName = new LinkedHashMap<>();
        for (KeyTypeStrategy strategy : found) {
            byName.putIfAbsent(strategy.name(), strategy);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

    /** Priority descending, then class name: whether {@code a} comes before {@code b}. */
    private static boolean before(KeyTypeStrategy a, KeyTypeStrategy b) {
        int byPriority = Integer.compare(b.priority(), a.priority());
        return (byPriority != 0 ? byPriority : a.getClass().getName().compareTo(b.getClass().getName())) < 0;
    }
}
