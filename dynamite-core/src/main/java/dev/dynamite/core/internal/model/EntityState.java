package dev.dynamite.core.internal.model;

import dev.dynamite.core.internal.Owner;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What Dynamite remembers about an entity it loaded or wrote: the owner of the handle it came through (so that its
 * {@code save()} uses the same client), the item as stored after the last read or write (the base of dirty
 * tracking), and the declared attributes a projected read did not load. An entity without state was never persisted
 * by Dynamite. Immutable; replaced on every write.
 *
 * @param owner whose client the entity was loaded or written through
 * @param stored the stored item as read (unmodifiable): declared attributes and any the model does not declare
 * @param unloaded attribute names a projection left out: their fields hold the constructor's values, and only a
 *     value assigned since is written
 */
public record EntityState(Owner owner, Map<String, AttributeValue> stored, Set<String> unloaded) {

    /**
     * A state with every attribute loaded.
     *
     * @param owner whose client the entity came through
     * @param stored the stored item
     */
    public EntityState(Owner owner, Map<String, AttributeValue> stored) {
        this(owner, stored, Set.of());
    }

    /**
     * The same entity after a write: the same owner, a new stored item and unloaded set.
     *
     * @param nextStored the stored item now (unmodifiable)
     * @param nextUnloaded the attributes still not loaded
     * @return the new state
     */
    public EntityState next(Map<String, AttributeValue> nextStored, Set<String> nextUnloaded) {
        return new EntityState(owner, nextStored, nextUnloaded);
    }
}
