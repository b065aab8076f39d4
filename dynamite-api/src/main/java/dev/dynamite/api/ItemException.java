package dev.dynamite.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The root of the exceptions about one stored item: it names the model, the table and the item's key.
 */
public abstract class ItemException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    private final transient Class<?> model;
    private final String tableName;
    private final transient Map<String, Object> key;

    /**
     * Creates the exception.
     *
     * @param model the model class
     * @param tableName the table, prefix included
     * @param key the item's key: Java field names to key values
     * @param problem what happened, without model, table and key (they are prefixed)
     * @param cause the AWS exception that reported it, or {@code null}
     */
    protected ItemException(Class<?> model, String tableName, Map<String, ?> key, String problem,
                            @Nullable Throwable cause) {
        super(model.getSimpleName() + " " + key + " in table " + tableName + ": " + problem, cause);
        this.model = model;
        this.tableName = tableName;
        this.key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
    }

    /**
     * Returns the model class.
     *
     * @return the model class
     */
    public Class<?> model() {
        return model;
    }

    /**
     * Returns the table the item is in.
     *
     * @return the table name, prefix included
     */
    public String tableName() {
        return tableName;
    }

    /**
     * Returns the item's key.
     *
     * @return Java field names of the key to their values, partition key first
     */
    public Map<String, Object> key() {
        return key;
    }
}
