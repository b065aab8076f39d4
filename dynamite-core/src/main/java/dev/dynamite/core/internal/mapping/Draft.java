package dev.dynamite.core.internal.mapping;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The runtime's mutable stand-in for an entity of an immutable model (a record): one slot per record component, in
 * declaration order. Reads, writes, dirty tracking and relation loading work on drafts as they work on the entities of
 * mutable classes; the model handle turns a draft into a record when it hands it out (see {@link Records}).
 */
public final class Draft {
    private final Class<?> model;
    final @Nullable Object[] slots;
    /** The record last made of this draft: a write that completes later (a transaction's) moves its state too. */
    private volatile @Nullable Object shown;
    /** The record the application gave for a write after which it no longer stands for the stored item either. */
    private volatile @Nullable Object given;

    Draft(Class<?> model, @Nullable Object[] slots) {
        this.model = model;
        this.slots = slots;
    }

    /**
     * Returns the model class the draft stands for.
     *
     * @return the record class
     */
    public Class<?> model() {
        return model;
    }

    /**
     * Returns the model class of an entity: the class a draft stands for, else the entity's own class.
     *
     * @param entity an entity or a draft
     * @return its model class
     */
    public static Class<?> modelOf(Object entity) {
        return entity instanceof Draft draft ? draft.model : entity.getClass();
    }

    /**
     * Returns the record last made of this draft.
     *
     * @return the record, or null if none was made yet
     */
    public @Nullable Object shown() {
        return shown;
    }

    /**
     * Remembers the record made of this draft.
     *
     * @param record the record
     */
    public void shownAs(Object record) {
        this.shown = record;
    }

    /**
     * Returns the record the application gave, which takes this draft's state too.
     *
     * @return the record, or null if none was tied to the draft
     */
    public @Nullable Object given() {
        return given;
    }

    /**
     * Ties the record the application gave to this draft: from now on it takes the state the draft takes, as the
     * record made of the draft does (for a delete, after which neither stands for the stored item as it was).
     *
     * @param record the record given
     */
    public void givenAs(Object record) {
        this.given = record;
    }

    /**
     * Returns a copy of this draft's values, with no record shown or given.
     *
     * @return a new draft of the same model
     */
    public Draft copy() {
        return new Draft(model, slots.clone());
    }

    @Override
    public String toString() {
        return "Draft[" + model.getSimpleName() + Arrays.toString(slots) + "]";
    }
}
