package dev.dynamite.core.internal.model;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The state of entities that cannot hold it themselves (model classes that do not extend the entity base class), by
 * identity and weakly: an entity the application no longer holds takes its state with it. Thread-safe.
 */
final class IdentityStates {
    /**
     * The states of all such entities; held here, not by {@link EntityAccess}, so that a JVM whose models all extend
     * the base class never loads this class.
     */
    static final IdentityStates SHARED = new IdentityStates();

    /** A weak reference that is equal to another of the same referent, compared by identity. */
    private static final class Ref extends WeakReference<Object> {
        private final int hash;

        Ref(Object referent, @Nullable ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public boolean equals(@Nullable Object other) {
            if (this == other) {
                return true;
            }
            Object referent = get();
            return other instanceof Ref ref && referent != null && referent == ref.get();
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private final Map<Ref, EntityState> states = new HashMap<>();

    synchronized @Nullable EntityState get(Object entity) {
        expunge();
        return states.get(new Ref(entity, null));
    }

    synchronized void put(Object entity, @Nullable EntityState state) {
        expunge();
        if (state == null) {
            states.remove(new Ref(entity, null));
        } else {
            states.put(new Ref(entity, collected), state);
        }
    }

    synchronized int size() {
        expunge();
        return states.size();
    }

    private void expunge() {
        for (Reference<?> gone = collected.poll(); gone != null; gone = collected.poll()) {
            states.remove(gone);
        }
    }
}
