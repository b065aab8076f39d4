package dev.dynamite.test;

import dev.dynamite.core.internal.GlobalRegistry;
import dev.dynamite.core.internal.GlobalRegistry.Binding;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Puts back, after a test class, the global client that was installed before it (with its table prefix and codecs),
 * also when fixture classes overlap in parallel: a class never restores the client of another fixture class that has
 * finished, but the one that class found.
 */
final class GlobalClients {
    /** Each fixture client, to the binding that was global when its class started (null for none). */
    private static final Map<DynamoDbClient, @Nullable Binding> FOUND = new HashMap<>();
    private static final Set<DynamoDbClient> RUNNING = new HashSet<>();

    private GlobalClients() {
    }

    /** Records the global binding before the class's own client connects. */
    static synchronized void starting(DynamoDbClient fixture) {
        FOUND.put(fixture, GlobalRegistry.current());
        RUNNING.add(fixture);
    }

    /**
     * Restores the binding the class found, unless a test of the class, or another class running alongside it,
     * installed a global client of its own; call it after the class's client disconnected.
     */
    static synchronized void finished(DynamoDbClient fixture) {
        RUNNING.remove(fixture);
        Binding now = GlobalRegistry.current();
        if (now == null || now.client() == fixture) {
            Binding restore = FOUND.get(fixture);
            while (restore != null && FOUND.containsKey(restore.client()) && !RUNNING.contains(restore.client())) {
                restore = FOUND.get(restore.client());
            }
            if (restore == null) {
                GlobalRegistry.clear();
            } else {
                GlobalRegistry.set(restore);
            }
        }
        if (RUNNING.isEmpty()) {
            FOUND.clear();   // no running class can find a finished fixture's binding any more
        }
    }
}
