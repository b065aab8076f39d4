package dev.dynamite.core.internal;

import dev.dynamite.core.internal.codec.Codecs;
import dev.dynamite.core.internal.mapping.Mappers;
import dev.dynamite.core.internal.observe.Operations;
import dev.dynamite.api.ScanPolicy;
import dev.dynamite.schema.KeyTypeStrategies;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The process-wide global client that {@code Table.model(...)} handles use, resolved at each call.
 */
public final class GlobalRegistry {
    /**
     * What a model operation needs of a client: the SDK client, the table prefix, the entity mappers (codecs and key
     * strategy) and whether hooks run by default.
     *
     * @param client the SDK client
     * @param tablePrefix prefix of every table name
     * @param mappers the client's entity mappers
     * @param hooksByDefault whether hooks run unless a write says otherwise
     * @param catalog the indexes of the client's tables, as described
     * @param writeConcurrency how many per-item writes of one bulk call run at once
     * @param idempotentWrites whether counters are sent idempotently unless a write says otherwise
     * @param batchDeadline how long batch reads and writes retry what DynamoDB left unprocessed
     * @param cursorKey the key cursors are signed with, or null for checksummed cursors
     * @param scans what queries that scan do
     * @param readConcurrency how many requests of one batch read or parallel scan run at once
     * @param operations the client's operation listeners ({@link Operations#NONE} for a bare SDK client)
     */
    public record Binding(DynamoDbClient client, String tablePrefix, Mappers mappers, boolean hooksByDefault,
                          TableCatalog catalog, int writeConcurrency, boolean idempotentWrites,
                          java.time.Duration batchDeadline, byte @Nullable [] cursorKey, ScanPolicy scans,
                          int readConcurrency, Operations operations) {

        /**
         * Binds a bare SDK client ({@code Dynamite.setGlobalClient}): no prefix, the discovered codecs, the default
         * key strategy, hooks on, the default write concurrency and batch retry deadline.
         *
         * @param client the SDK client
         * @return the binding
         */
        public static Binding of(DynamoDbClient client) {
            // DynamiteConfig's defaults, not named: internal code stays below the API
            return new Binding(client, "", defaultMappers(), true, new TableCatalog(), 16, false,
                    java.time.Duration.ofSeconds(30), null, ScanPolicy.WARN, 8, Operations.NONE);
        }
    }

    private static final AtomicReference<@Nullable Binding> CURRENT = new AtomicReference<>();
    private static volatile @Nullable Mappers defaultMappers;

    private GlobalRegistry() {
    }

    /**
     * The mappers of bare clients: the discovered codecs and the default key strategy, made on first use of a bare
     * client, so that a broken codec plugin fails there, with its {@code PluginLoadException}, and again at the next
     * attempt.
     */
    private static Mappers defaultMappers() {
        Mappers mappers = defaultMappers;
        if (mappers == null) {
            synchronized (GlobalRegistry.class) {
                mappers = defaultMappers;
                if (mappers == null) {
                    mappers = new Mappers(Codecs.discover(), KeyTypeStrategies.named(KeyTypeStrategies.DEFAULT));
                    defaultMappers = mappers;
                }
            }
        }
        return mappers;
    }

    /**
     * Installs the global binding, replacing any other.
     *
     * @param binding the new global binding
     */
    public static void set(Binding binding) {
        CURRENT.set(binding);
    }

    /**
     * Returns the global binding.
     *
     * @return the binding, or null if none is installed
     */
    public static @Nullable Binding current() {
        return CURRENT.get();
    }

    /**
     * Removes the global binding if it uses this client.
     *
     * @param client the client being closed
     * @return true if the global binding was removed
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

    /** Removes the global binding; for tests. */
    public static void clear() {
        CURRENT.set(null);
    }
}
