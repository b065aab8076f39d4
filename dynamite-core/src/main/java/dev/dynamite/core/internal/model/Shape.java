package dev.dynamite.core.internal.model;

import dev.dynamite.core.internal.mapping.Draft;
import dev.dynamite.core.internal.mapping.Records;
import dev.dynamite.core.internal.mapping.ValueModels;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What a model handle hands out and takes in, against what the runtime works on. The entities of a mutable model class
 * are the runtime's entities; a record's are {@link Draft}s, turned into records (with their loaded relations, and
 * the state Dynamite keeps on them) on the way out and back into drafts on the way in. This class is the mutable
 * model's shape, the identity (but that loaded relations are revealed in place); the record's extends it. One class,
 * not an abstract one and a subclass, for a cold JVM to load for a mutable model.
 *
 * @param <T> the model type, as the application sees it
 * @param <E> the type of the runtime's entities
 */
public class Shape<T, E> {
    private Shape() {
    }

    /**
     * Returns the shape of a model class.
     *
     * @param type the model class
     * @param <T> the model type
     * @return the identity for a mutable class, drafts for a record
     */
    @SuppressWarnings("unchecked")
    public static <T> Shape<T, Object> of(Class<T> type) {
        return (Shape<T, Object>) (ValueModels.isValue(type) ? RecordShape.ofRecord(type) : new Shape<>());
    }

    /**
     * Returns the runtime's entity for an application's one.
     *
     * @param entity an entity of the model
     * @return the same object for a mutable model; a draft holding the record's values and state for a record
     */
    @SuppressWarnings("unchecked")   // a class model's T is its E
    public E in(T entity) {
        return (E) entity;
    }

    /**
     * Returns the application's entity for a runtime's one, its loaded relations included.
     *
     * @param entity a runtime entity
     * @return the entity (its relations made to show records); for a draft a new record, which takes its state
     */
    @SuppressWarnings("unchecked")   // a class model's T is its E; a record's draft reveals as a T
    public final T out(E entity) {
        if (entity == null) {
            return null;
        }
        if (!immutable() && !ModelRules.of(entity.getClass()).hasRelations()) {
            return (T) entity;   // nothing to reveal, and a mutable model need not load the draft machinery
        }
        return (T) reveal(entity, new IdentityHashMap<>());
    }

    /**
     * Makes the entity the application gave take the state its runtime entity takes from now on, when the write
     * completes (at once, or when its transaction commits): for a write after which the value given no longer stands
     * for the item as stored, a delete.
     *
     * @param entity the runtime entity of the write
     * @param given the entity the application gave
     */
    public void tie(E entity, T given) {
        // a mutable model's: the same object, which takes its state itself
    }

    /**
     * Returns the application's entity for a runtime's one as a read would show it, leaving the runtime's entity
     * as it is: for a write queued in a transaction, whose read transforms run on the runtime's entity when it
     * commits. A mutable model's entity is itself, transformed then.
     *
     * @param entity a runtime entity
     * @param showRead applies the read transforms to a copy of a draft
     * @return the entity; for a draft a new record, made of a transformed copy, which takes the draft's state
     */
    public T outAsRead(E entity, Consumer<E> showRead) {
        return out(entity);
    }

    /** Whether this model's entities are drafts, which cannot be filled in place by the application. */
    public boolean immutable() {
        return false;
    }

    public List<T> out(List<E> entities) {
        List<T> out = new ArrayList<>(entities.size());
        for (E entity : entities) {
            out.add(out(entity));
        }
        return out;
    }

    public Optional<T> out(Optional<E> entity) {
        return entity.isPresent() ? Optional.of(out(entity.get())) : Optional.empty();
    }

    public Stream<T> out(Stream<E> entities) {
        return entities.map(this::out);
    }

    public List<E> in(Collection<T> entities) {
        List<E> in = new ArrayList<>(entities.size());
        for (T entity : entities) {
            in.add(entity == null ? null : in(entity));
        }
        return in;
    }

    private static final class RecordShape extends Shape<Object, Draft> {
        private final Records records;

        private RecordShape(Class<?> type) {
            this.records = Records.of(type);
        }

        /** A factory of its own, so that a mutable model's shape does not load this class to verify its maker. */
        static Shape<?, ?> ofRecord(Class<?> type) {
            return new RecordShape(type);
        }

        @Override
        public Object outAsRead(Draft entity, Consumer<Draft> showRead) {
            Draft view = entity.copy();
            showRead.accept(view);
            Object record = out(view);
            // the record stands for the draft: the commit's state moves to it
            entity.shownAs(record);
            EntityAccess.shareState(entity, record);
            return record;
        }

        @Override
        public Draft in(Object entity) {
            Draft draft = records.toDraft(entity);
            EntityAccess.shareState(entity, draft);
            return draft;
        }

        @Override
        public void tie(Draft entity, Object given) {
            entity.givenAs(given);
        }

        @Override
        public boolean immutable() {
            return true;
        }
    }

    /**
     * Makes an entity show records: a draft becomes its record, and the relations of an entity (a draft's before it
     * becomes one) hold records in place of drafts, to any depth. {@code done} maps each entity already seen to what
     * it became, so that shared and cyclic relations stay shared.
     */
    @SuppressWarnings("unchecked")
    private static <X> X reveal(X entity, Map<Object, Object> done) {
        Object seen = done.get(entity);
        if (seen != null) {
            return (X) seen;
        }
        if (!(entity instanceof Draft) && ValueModels.isValue(entity.getClass())) {
            return entity;   // a value already: what a record given in holds in its relations
        }
        ModelRules rules = ModelRules.of(Draft.modelOf(entity));
        if (!(entity instanceof Draft) && !rules.hasRelations()) {
            return entity;
        }
        done.put(entity, entity);
        for (Map.Entry<String, Object> relation : rules.relationValues(entity).entrySet()) {
            Object value = relation.getValue();
            Object shown;
            if (value instanceof List<?> list) {
                List<Object> items = new ArrayList<>(list.size());
                for (Object item : list) {
                    items.add(reveal(item, done));
                }
                shown = entity instanceof Draft ? List.copyOf(items) : items;
            } else {
                shown = reveal(value, done);
            }
            rules.setRelation(entity, relation.getKey(), shown);
        }
        if (entity instanceof Draft draft) {
            Object record = Records.of(draft.model()).toRecord(draft);
            draft.shownAs(record);
            EntityAccess.shareState(draft, record);
            done.put(entity, record);
            return (X) record;
        }
        return entity;
    }
}
