package dev.dynamite.core.internal.model;

import dev.dynamite.core.internal.Owner;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The state of entities that cannot hold it themselves (model classes that do not extend the entity base class), by
 * identity and weakly: an entity the application no longer holds takes its state with it. Thread-safe.
 *
 * <p>A state can go only once a collection has found its entity gone, so every state outlives its entity by one
 * collection, and the collector copies it then: a fast reader's states would fill the survivor spaces and spill into
 * the old generation. So a state costs the collector as few objects as can be: the table's entry, which is the weak
 * reference, holds the state's parts itself, and the stored item is held packed into one byte array ({@link PackedItems})
 * and unpacked when a write asks for it.
 */
final class IdentityStates {
    /**
     * The states of all such entities; held here, not by {@link EntityAccess}, so that a JVM whose models all extend
     * the base class never loads this class.
     */
    static final IdentityStates SHARED = new IdentityStates();

    /** An entry of the table: a weak reference to the entity, with the entity's state as held. */
    private static final class Entry extends WeakReference<Object> {
        final int hash;
        @Nullable Entry next;
        Owner owner;
        /** The packed item, or the item where it cannot be packed. */
        Object item;
        Set<String> unloaded;

        Entry(Object entity, int hash, ReferenceQueue<Object> queue, Owner owner, Object item,
              Set<String> unloaded) {
            super(entity, queue);
            this.hash = hash;
            this.owner = owner;
            this.item = item;
            this.unloaded = unloaded;
        }
    }

    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private @Nullable Entry[] table = new Entry[16];
    private int size;

    /**
     * Returns an entity's state: a new one on each call, equal to the one put.
     *
     * @param entity the entity
     * @return its state, or null if it has none
     */
    @SuppressWarnings("unchecked")   // an item that is no byte array is the item itself
    @Nullable EntityState get(Object entity) {
        Owner owner;
        Object item;
        Set<String> unloaded;
        synchronized (this) {
            expunge();
            Entry entry = find(entity);
            if (entry == null) {
                return null;
            }
            owner = entry.owner;
            item = entry.item;
            unloaded = entry.unloaded;
        }
        Map<String, AttributeValue> stored = item instanceof byte[] packed ? PackedItems.unpack(packed)
                : (Map<String, AttributeValue>) item;
        return new EntityState(owner, stored, unloaded);
    }

    /**
     * Returns the owner of an entity's state, without unpacking its item.
     *
     * @param entity the entity
     * @return the owner, or null if the entity has no state
     */
    synchronized @Nullable Owner owner(Object entity) {
        expunge();
        Entry entry = find(entity);
        return entry == null ? null : entry.owner;
    }

    /**
     * Sets (or, with null, clears) the state of one or more entities.
     *
     * @param state the state, or null for none
     * @param entities the entities, of which any may be null (left alone)
     */
    void put(@Nullable EntityState state, @Nullable Object... entities) {
        Object item = null;
        if (state != null) {
            byte[] packed = PackedItems.pack(state.stored());
            item = packed == null ? state.stored() : packed;
        }
        synchronized (this) {
            expunge();
            for (Object entity : entities) {
                if (entity == null) {
                    continue;
                }
                if (state == null) {
                    remove(entity);
                } else {
                    hold(entity, state.owner(), item, state.unloaded());
                }
            }
        }
    }

    /**
     * Gives an entity the state another one has, as it is held.
     *
     * @param from the entity whose state to give
     * @param to the entity to take it
     */
    synchronized void share(Object from, Object to) {
        expunge();
        Entry entry = find(from);
        if (entry == null) {
            remove(to);
        } else {
            hold(to, entry.owner, entry.item, entry.unloaded);
        }
    }

    synchronized int size() {
        expunge();
        return size;
    }

    private static int hash(Object entity) {
        int hash = System.identityHashCode(entity);
        return hash ^ (hash >>> 16);
    }

    private @Nullable Entry find(Object entity) {
        int hash = hash(entity);
        for (Entry entry = table[hash & (table.length - 1)]; entry != null; entry = entry.next) {
            if (entry.hash == hash && entry.get() == entity) {
                return entry;
            }
        }
        return null;
    }

    private void hold(Object entity, Owner owner, Object item, Set<String> unloaded) {
        Entry entry = find(entity);
        if (entry != null) {
            entry.owner = owner;
            entry.item = item;
            entry.unloaded = unloaded;
            return;
        }
        int hash = hash(entity);
        int slot = hash & (table.length - 1);
        entry = new Entry(entity, hash, collected, owner, item, unloaded);
        entry.next = table[slot];
        table[slot] = entry;
        if (++size > table.length - (table.length >>> 2)) {
            grow();
        }
    }

    private void remove(Object entity) {
        Entry entry = find(entity);
        if (entry != null) {
            unlink(entry);
            entry.clear();   // so that it is not expunged a second time
        }
    }

    /** Takes an entry out of its bucket, if it is still there. */
    private void unlink(Entry gone) {
        int slot = gone.hash & (table.length - 1);
        Entry previous = null;
        for (Entry entry = table[slot]; entry != null; previous = entry, entry = entry.next) {
            if (entry == gone) {
                if (previous == null) {
                    table[slot] = entry.next;
                } else {
                    previous.next = entry.next;
                }
                size--;
                return;
            }
        }
    }

    private void grow() {
        Entry[] old = table;
        Entry[] grown = new Entry[old.length * 2];
        for (Entry head : old) {
            Entry entry = head;
            while (entry != null) {
                Entry next = entry.next;
                int slot = entry.hash & (grown.length - 1);
                entry.next = grown[slot];
                grown[slot] = entry;
                entry = next;
            }
        }
        table = grown;
    }

    private void expunge() {
        for (Reference<?> gone = collected.poll(); gone != null; gone = collected.poll()) {
            unlink((Entry) gone);
        }
    }
}
