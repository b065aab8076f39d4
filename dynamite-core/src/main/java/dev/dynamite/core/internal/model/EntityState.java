package dev.dynamite.core.internal.model;

import dev.dynamite.Model;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What Dynamite remembers about an entity it loaded or wrote: the model handle it came through (so that its
 * {@code save()} uses the same client) and the item as stored after the last read or write, the base of dirty
 * tracking. An entity without state was never persisted by Dynamite. Immutable; replaced on every write.
 *
 * @param model the handle the entity was loaded or written through
 * @param stored the stored item (unmodifiable): every declared attribute plus any the model does not declare
 */
public record EntityState(Model<?> model, Map<String, AttributeValue> stored) {
}
