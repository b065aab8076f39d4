package dev.dynamite.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a create (or the {@code save()} of a new entity) when an item with the same key already exists. The
 * existing item is left exactly as it was: creates are conditional puts and never overwrite.
 */
public final class ItemAlreadyExistsException extends ItemException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param model the model class
     * @param tableName the table, prefix included
     * @param key the key that is taken: Java field names to values
     * @param cause the AWS {@code ConditionalCheckFailedException}, or {@code null}
     */
    public ItemAlreadyExistsException(Class<?> model, String tableName, Map<String, ?> key,
                                      @Nullable Throwable cause) {
        super(model, tableName, key, "an item with this key already exists; it was left unchanged (use find() and"
                + " save() to change it)", cause);
    }
}
