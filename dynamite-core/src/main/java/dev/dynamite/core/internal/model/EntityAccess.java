package dev.dynamite.core.internal.model;

import dev.dynamite.core.internal.Owner;
import dev.dynamite.core.internal.mapping.Draft;
import org.jspecify.annotations.Nullable;

/**
 * Where an entity's state lives: in the private state field of the entity base class, which lives in the exported
 * package and is never named here (the base class installs its accessor when it is initialized, which happens before
 * any entity exists), or, for a model class that does not extend it, in a weak table by identity.
 */
public final class EntityAccess {
    /** Reads and writes the state field of an entity. */
    public interface Accessor {
        /**
         * Returns the base class of entities, whose hierarchy walks stop at it.
         *
         * @return the base class
         */
        Class<?> baseClass();

        /**
         * Returns an entity's state.
         *
         * @param entity an instance of the base class
         * @return its state, or null if Dynamite never persisted it
         */
        @Nullable EntityState get(Object entity);

        /**
         * Replaces an entity's state.
         *
         * @param entity an instance of the base class
         * @param state the new state, or null for "not persisted"
         */
        void set(Object entity, @Nullable EntityState state);
    }

    private static volatile @Nullable Accessor accessor;

    private EntityAccess() {
    }

    /**
     * Installs the accessor; called once, by the base class's static initializer.
     *
     * @param installed the accessor
     */
    public static void install(Accessor installed) {
        accessor = installed;
    }

    /**
     * Whether an object is an entity of the base class (which can remember its state). Before the base class is
     * initialized no instance of it exists, so nothing is.
     */
    static boolean isEntity(Object value) {
        Accessor current = accessor;
        return current != null && current.baseClass().isInstance(value);
    }

    /** Whether a class is the base class of entities (false before the base class is initialized). */
    static boolean isBaseClass(Class<?> type) {
        Accessor current = accessor;
        return current != null && current.baseClass() == type;
    }

    public static @Nullable EntityState state(Object entity) {
        return isEntity(entity) ? accessor().get(entity) : IdentityStates.SHARED.get(entity);
    }

    /**
     * Returns the owner of an entity's state: what {@code state(entity).owner()} gives, without unpacking a state
     * held by identity.
     *
     * @param entity the entity
     * @return the owner, or null if Dynamite never persisted the entity
     */
    public static @Nullable Owner owner(Object entity) {
        if (isEntity(entity)) {
            EntityState state = accessor().get(entity);
            return state == null ? null : state.owner();
        }
        return IdentityStates.SHARED.owner(entity);
    }

    public static void setState(Object entity, @Nullable EntityState state) {
        if (isEntity(entity)) {
            accessor().set(entity, state);
        } else if (entity instanceof Draft draft) {
            // a write that completes after its record was handed out (in a transaction) updates the record too,
            // and the record given for it where the write ties that one to its draft (a delete)
            IdentityStates.SHARED.put(state, entity, draft.shown(), draft.given());
        } else {
            IdentityStates.SHARED.put(state, entity);
        }
    }

    /**
     * Gives an entity the state another one has: {@code setState(to, state(from))}, without unpacking a state held
     * by identity to pack it again.
     *
     * @param from the entity whose state to give
     * @param to the entity to take it
     */
    static void shareState(Object from, Object to) {
        if (isEntity(from) || isEntity(to)) {
            setState(to, state(from));
        } else {
            IdentityStates.SHARED.share(from, to);
        }
    }

    private static Accessor accessor() {
        Accessor current = accessor;
        if (current == null) {
            throw new IllegalStateException("the entity base class was not initialized");
        }
        return current;
    }
}
