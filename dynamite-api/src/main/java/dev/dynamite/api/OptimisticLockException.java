package dev.dynamite.api;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a write to a model with a {@link dev.dynamite.annotation.Version @Version} field finds that another
 * writer changed the item since this entity read it. Nothing is written; reload the item, reapply the change, and try
 * again.
 */
public final class OptimisticLockException extends ItemException {
    private static final long serialVersionUID = 1L;

    private final long expectedVersion;
    private final @Nullable Long actualVersion;

    /**
     * Creates the exception.
     *
     * @param model the model class
     * @param tableName the table, prefix included
     * @param key the item's key: Java field names to values
     * @param expectedVersion the version the entity holds
     * @param actualVersion the version stored now, or {@code null} if unknown
     * @param cause the AWS {@code ConditionalCheckFailedException}, or {@code null}
     */
    public OptimisticLockException(Class<?> model, String tableName, Map<String, ?> key, long expectedVersion,
                                   @Nullable Long actualVersion, @Nullable Throwable cause) {
        super(model, tableName, key, "the item was changed by another writer (expected version " + expectedVersion
                + (actualVersion == null ? "" : ", stored version " + actualVersion)
                + "); nothing was written: reload it and try again", cause);
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /**
     * Returns the version the entity held when the write was attempted.
     *
     * @return the expected version
     */
    public long expectedVersion() {
        return expectedVersion;
    }

    /**
     * Returns the version stored when the conflict was found, if it was read.
     *
     * @return the stored version, or {@code null} if unknown
     */
    public @Nullable Long actualVersion() {
        return actualVersion;
    }
}
