package dev.dynamite.core.internal.model;

import dev.dynamite.Model;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What Dynamite remembers about an entity it loaded or wrote: the model handle it came through (so that its
 * {@code save()} uses the same client), the item as stored after the last read or write (the base of dirty
 * tracking), and the declared attributes a projected read did not load. An entity without state was never persisted
 * by Dynamite. Immutable; replaced on every write.
 *
 * @param model the handle the entity was loaded or written through
 * @param stored the stored item as read (unmodifiable): declared attributes and any the model does not declare
 * @param unloaded attribute names a projection left out: their fields hold the constructor's values, and only a
 *     value assigned since is written
 */
public record EntityState(Model<?> model, Map<String, AttributeValue> stored, Set<String> unloaded) {

    /**
     * A state with every attribute loaded.
     *
     * @param model the handle
     * @param stored the stored item
     */
    public EntityState(Model<?> model, Map<String, AttributeValue> stored) {
        this(model, stored, Set.of());
    }
}
