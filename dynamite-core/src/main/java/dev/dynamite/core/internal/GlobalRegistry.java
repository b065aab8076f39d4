package dev.dynamite.core.internal;

import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The process-wide "global client" of the seed API: the DynamoDB client that models not bound to a specific
 * {@code Dynamite} use, together with the table prefix of whoever installed it.
 */
public final class GlobalRegistry {
    /**
     * What is installed: the client, and the table prefix of the {@code Dynamite} that connected it ({@code ""} when
     * installed with {@code setGlobalClient}).
     *
     * @param client the SDK client
     * @param tablePrefix the prefix of table names
     */
    public record Binding(DynamoDbClient client, String tablePrefix) {
    }

    private static final AtomicReference<@Nullable Binding> CURRENT = new AtomicReference<>();

    private GlobalRegistry() {
    }

    /**
     * Installs a client, replacing any other.
     *
     * @param binding the client and its prefix
     */
    public static void set(Binding binding) {
        CURRENT.set(binding);
    }

    /**
     * Returns what is installed.
     *
     * @return the binding, or {@code null}
     */
    public static @Nullable Binding current() {
        return CURRENT.get();
    }

    /**
     * Removes the installed client if, and only if, it is the given one.
     *
     * @param client the client being closed
     * @return true if it was the global client and is no longer
     */
    public static boolean clearIf(DynamoDbClient client) {
        Binding[] removed = new Binding[1];
        CURRENT.updateAndGet(b -> {
            if (b != null && b.client() == client) {
                removed[0] = b;
                return null;
            }
            return b;
        });
        return removed[0] != null;
    }

    /** Removes whatever client is installed. */
    public static void clear() {
        CURRENT.set(null);
    }
}
