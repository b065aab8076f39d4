package dev.dynamite.core.internal.model;

import dev.dynamite.Table;
import org.jspecify.annotations.Nullable;

/**
 * The bridge to the private state field of {@link Table}, which lives in the exported package: {@code Table}
 * installs its accessor when it is initialized, which happens before any entity exists.
 */
public final class TableAccess {
    /** Reads and writes the state field of an entity. */
    public interface Accessor {
        /**
         * Returns an entity's state.
         *
         * @param entity the entity
         * @return its state, or null if Dynamite never persisted it
         */
        @Nullable EntityState get(Table<?> entity);

        /**
         * Replaces an entity's state.
         *
         * @param entity the entity
         * @param state the new state, or null for "not persisted"
         */
        void set(Table<?> entity, @Nullable EntityState state);
    }

    private static volatile @Nullable Accessor accessor;

    private TableAccess() {
    }

    /**
     * Installs the accessor; called once, by {@code Table}'s static initializer.
     *
     * @param installed the accessor
     */
    public static void install(Accessor installed) {
        accessor = installed;
    }

    static @Nullable EntityState state(Object entity) {
        return entity instanceof Table<?> table ? accessor().get(table) : null;
    }

    static void setState(Object entity, @Nullable EntityState state) {
        if (entity instanceof Table<?> table) {
            accessor().set(table, state);
        }
    }

    private static Accessor accessor() {
        Accessor current = accessor;
        if (current == null) {
            throw new IllegalStateException("Table was not initialized");
        }
        return current;
    }
}
