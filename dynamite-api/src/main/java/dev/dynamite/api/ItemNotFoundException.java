package dev.dynamite.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a write needs an existing item and there is none: the {@code save()}, {@code update(…)},
 * {@code destroy()}, {@code restore()} or {@code increment(…)} of an entity whose item was deleted meanwhile, or that
 * was never created. Nothing is written; in particular a deleted item never comes back to life.
 */
public final class ItemNotFoundException extends ItemException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param model the model class
     * @param tableName the table, prefix included
     * @param key the key looked for: Java field names to values
     * @param problem what was attempted and why it could not be done
     * @param cause the AWS exception that reported it, or {@code null}
     */
    public ItemNotFoundException(Class<?> model, String tableName, Map<String, ?> key, String problem,
                                 @Nullable Throwable cause) {
        super(model, tableName, key, problem, cause);
    }
}
