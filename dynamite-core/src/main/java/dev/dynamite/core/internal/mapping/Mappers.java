package dev.dynamite.core.internal.mapping;

import dev.dynamite.api.CodecNotFoundException;
import dev.dynamite.api.InvalidModelException;
import dev.dynamite.core.internal.codec.Codecs;
import dev.dynamite.spi.KeyTypeStrategy;
import dev.dynamite.schema.EntityMetadata;
import dev.dynamite.schema.Relation;
import dev.dynamite.schema.RelationKind;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final Map<Class<?>, Set<String>> indexKeyFields;

    /**
     * Creates an empty registry.
     *
     * @param codecs the codec registry every mapper takes its codecs from
     * @param strategy the key type strategy every mapper encodes keys with
     */
    public Mappers(Codecs codecs, KeyTypeStrategy strategy) {
        this(codecs, strategy, List.of());
    }

    /**
     * Creates an empty registry for a set of models, whose relations tell which fields are index keys (the foreign
     * keys of their {@code @HasMany}/{@code @HasOne}, as {@code sync()} indexes them).
     *
     * @param codecs the codec registry every mapper takes its codecs from
     * @param strategy the key type strategy every mapper encodes keys with
     * @param models the registered models
     */
    public Mappers(Codecs codecs, KeyTypeStrategy strategy, Collection<? extends Class<?>> models) {
        this.codecs = codecs;
        this.strategy = strategy;
        Map<Class<?>, Set<String>> indexKeys = new HashMap<>();
        for (Class<?> model : models) {
            for (Relation relation : EntityMetadata.of(model).relations()) {
                if (relation.kind() == RelationKind.HAS_MANY || relation.kind() == RelationKind.HAS_ONE) {
                    EntityMetadata target = EntityMetadata.of(relation.model());
                    if (!relation.foreignKey().equals(target.partitionKey().name())) {
                        indexKeys.computeIfAbsent(relation.model(), m -> new HashSet<>()).add(relation.foreignKey());
                    }
                }
            }
        }
        this.indexKeyFields = Map.copyOf(indexKeys);
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
    public <T> EntityMapper<T> mapper(Class<T> type) {
        if (ValueModels.isValue(type)) {
            throw new IllegalArgumentException(type.getName() + " is a value model: its entities are drafts");
        }
        return build(type);
    }

    /**
     * Returns the mapper of a record model, whose entities are {@link Draft}s, building it on first use.
     *
     * @param type the record class
     * @return the mapper, the same instance on every call
     * @throws InvalidModelException if the record is not a valid model
     * @throws CodecNotFoundException if no codec handles the type of a persisted component
     */
    public EntityMapper<Draft> drafts(Class<?> type) {
        if (!ValueModels.isValue(type)) {
            throw new IllegalArgumentException(type.getName() + " is neither a record nor an immutable class");
        }
        return build(type);
    }

    @SuppressWarnings("unchecked")
    private <T> EntityMapper<T> build(Class<?> type) {
        EntityMapper<?> mapper = mappers.get(type);
        if (mapper == null) {
            // not computeIfAbsent: building may take a while (codec lookups) and must not block other classes' bins
            EntityMapper<T> built = new EntityMapper<>(type, codecs, strategy,
                    indexKeyFields.getOrDefault(type, Set.of()));
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
