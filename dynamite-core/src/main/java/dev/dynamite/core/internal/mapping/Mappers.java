package dev.dynamite.core.internal.mapping;

import dev.dynamite.api.CodecNotFoundException;
import dev.dynamite.api.InvalidModelException;
import dev.dynamite.core.internal.codec.Codecs;
import dev.dynamite.spi.KeyTypeStrategy;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The mappers of one client: one {@link EntityMapper} per model class, built on first use with this registry's codecs
 * and key strategy, then reused. Thread-safe; a failed build is not cached, so it fails again the same way.
 */
public final class Mappers {
    private final Codecs codecs;
    private final KeyTypeStrategy strategy;
    private final ConcurrentMap<Class<?>, EntityMapper<?>> mappers = new ConcurrentHashMap<>();

    /**
     * Creates an empty registry.
     *
     * @param codecs the codec registry every mapper takes its codecs from
     * @param strategy the key type strategy every mapper encodes keys with
     */
    public Mappers(Codecs codecs, KeyTypeStrategy strategy) {
        this.codecs = codecs;
        this.strategy = strategy;
    }

    /**
     * Returns the mapper of a model class, building it on first use.
     *
     * @param type the model class
     * @param <T> the model type
     * @return the mapper, the same instance on every call
     * @throws InvalidModelException if the class is not a valid model (see {@link EntityMapper#EntityMapper})
     * @throws CodecNotFoundException if no codec handles the type of a persisted field
     */
    @SuppressWarnings("unchecked")
    public <T> EntityMapper<T> mapper(Class<T> type) {
        EntityMapper<?> mapper = mappers.get(type);
        if (mapper == null) {
            // not computeIfAbsent: building may take a while (codec lookups) and must not block other classes' bins
            EntityMapper<T> built = new EntityMapper<>(type, codecs, strategy);
            mapper = mappers.putIfAbsent(type, built);
            if (mapper == null) {
                return built;
            }
        }
        return (EntityMapper<T>) mapper;
    }

    /**
     * Returns the codec registry of this client.
     *
     * @return the codecs
     */
    public Codecs codecs() {
        return codecs;
    }

    /**
     * Returns the key type strategy of this client.
     *
     * @return the strategy
     */
    public KeyTypeStrategy keyTypeStrategy() {
        return strategy;
    }
}
