package dev.dynamite.core.internal.query;

import dev.dynamite.api.Include;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.core.internal.model.ModelContext;
import dev.dynamite.core.internal.observe.Operations;
import dev.dynamite.core.internal.model.ModelRules;
import dev.dynamite.core.internal.model.ModelRules.FieldRule;
import dev.dynamite.core.internal.model.Tracking;
import dev.dynamite.core.internal.relation.Pivots;
import dev.dynamite.schema.Relation;
import dev.dynamite.schema.RelationKind;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Loads the relations named by includes, one level at a time for all parents together, so the cost grows with the
 * number of distinct keys, never with one sequential request per parent: HasMany and HasOne run one {@code Query}
 * per distinct parent key on the related table's index (or the table itself when the foreign key is its partition
 * key), concurrently on a bounded pool; BelongsTo reads the distinct foreign keys with {@code BatchGetItem} when they
 * are the related table's whole key, else one {@code Query} per distinct value. Nested includes then load for all
 * the related entities of the level together. No include ever scans.
 */
final class Loader {
    /** How many relation queries run at once. */
    static final int CONCURRENCY = 16;
    private static final System.Logger LOG = System.getLogger("dev.dynamite.include");
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(CONCURRENCY, new DaemonThreads());

    private Loader() {
    }

    /** Loads the includes into the parents (which all belong to {@code context}'s model). */
    static <T> void load(ModelContext<T> context, List<T> parents, Map<String, Include> includes) {
        if (parents.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Include> entry : includes.entrySet()) {
            Relation relation = relation(context, entry.getKey());
            loadRelation(context, context.related(relation.model()), parents, relation, entry.getValue());
        }
    }

    /** Checks an include tree against the models before any request. */
    static void check(ModelContext<?> context, String name, Include include) {
        Relation relation = relation(context, name);
        ModelContext<?> related = context.related(relation.model());
        conditions(related, include);
        for (String field : include.attributesValue()) {
            related.filterable(field);
        }
        include.includes().forEach((nested, options) -> check(related, nested, options));
    }

    private static Relation relation(ModelContext<?> context, String name) {
        Relation relation = context.rules().relation(name);
        if (relation == null) {
            throw new ModelValidationException(context.type(), name, "is not a relation, so it cannot be included;"
                    + " relations are the @HasMany, @HasOne, @BelongsTo and @ManyToMany fields");
        }
        return relation;
    }

    private static <T, R> void loadRelation(ModelContext<T> context, ModelContext<R> related, List<T> parents,
                                            Relation relation, Include include) {
        List<R> loaded = switch (relation.kind()) {
            case HAS_MANY, HAS_ONE -> hasMany(context, related, parents, relation, include);
            case BELONGS_TO -> belongsTo(context, related, parents, relation, include);
            case MANY_TO_MANY -> manyToMany(context, related, parents, relation, include);
        };
        if (!include.includes().isEmpty()) {
            List<R> children = distinct(loaded);
            load(related, children, include.includes());
            Set<String> fields = projected(related, include);
            if (fields != null) {
                Set<String> extra = new LinkedHashSet<>(fields);
                extra.removeAll(include.attributesValue());
                extra.removeIf(field -> related.mapper().isKey(field));
                new Tracking<>(related).forget(children, extra);
            }
        }
    }

    // ------------------------------------------------------------------ HasMany, HasOne

    private static <T, R> List<R> hasMany(ModelContext<T> context, ModelContext<R> related, List<T> parents,
                                          Relation relation, Include include) {
        boolean one = relation.kind() == RelationKind.HAS_ONE;
        Map<Object, List<T>> byKey = group(context, parents, relation.localKey());
        Map<Object, List<R>> found = concurrently(byKey.keySet(), value -> {
            Search<R> query = new Search<>(related).where(relation.foreignKey(), value);
            apply(query, related, include);
            if (one && include.limitValue().isEmpty()) {
                query.limit(2);   // two, to notice a HasOne that matches several
            }
            return query.list();
        });
        List<R> loaded = new ArrayList<>();
        for (T parent : parents) {
            Object key = context.mapper().get(parent, relation.localKey());
            List<R> children = key == null ? List.of() : found.getOrDefault(key, List.of());
            if (one) {
                if (children.size() > 1 && WARNED.add(context.type().getName() + "." + relation.field())) {
                    LOG.log(Level.WARNING, "{0}.{1} is a @HasOne, but {2} has several {3} items; the first by sort"
                            + " key is used (warned once)", context.type().getSimpleName(), relation.field(), key,
                            related.type().getSimpleName());
                }
                R child = children.isEmpty() ? null : children.get(0);
                context.rules().setRelation(parent, relation.field(), child);
                if (child != null) {
                    loaded.add(child);
                }
            } else {
                context.rules().setRelation(parent, relation.field(), new ArrayList<>(children));
                loaded.addAll(children);
            }
        }
        return loaded;
    }

    // ------------------------------------------------------------------ BelongsTo

    private static <T, R> List<R> belongsTo(ModelContext<T> context, ModelContext<R> related, List<T> parents,
                                            Relation relation, Include include) {
        Map<Object, List<T>> byKey = group(context, parents, relation.localKey());
        String target = relation.foreignKey();
        boolean byTableKey = target.equals(related.fieldOf(related.partitionAttribute()))
                && related.sortAttribute() == null;
        Map<Object, R> found = new HashMap<>();
        if (byTableKey && !byKey.isEmpty()) {
            FieldRule targetRule = related.filterable(target);
            Map<Map<String, AttributeValue>, Object> valueOfKey = new LinkedHashMap<>();
            for (Object value : byKey.keySet()) {
                valueOfKey.put(related.mapper().key(related.coerceTo(targetRule, value), null), value);
            }
            Set<String> fields = projected(related, include);
            ModelContext.Projection projection = fields == null ? null : related.projectionOf(fields);
            Map<Map<String, AttributeValue>, Map<String, AttributeValue>> items = BatchGets.get(related.client(),
                    related.batchDeadline(), related.tableName(), new ArrayList<>(valueOfKey.keySet()),
                    projection == null ? null : projection.expression(), projection == null ? null : projection.names(),
                    related::tableKey, related.readConcurrency());
            List<Condition> conditions = conditions(related, include);
            items.forEach((key, item) -> {
                boolean trashed = related.isTrashed(item);
                if ((include.isWithTrashed() || !trashed) && conditions.stream().allMatch(c -> c.test(item))) {
                    found.put(valueOfKey.get(key), new Tracking<>(related).load(item, fields));
                }
            });
        } else {
            concurrently(byKey.keySet(), value -> {
                Search<R> query = new Search<>(related).where(target, value);
                apply(query, related, include);
                return query.first().map(List::of).orElse(List.of());
            }).forEach((value, list) -> {
                if (!list.isEmpty()) {
                    found.put(value, list.get(0));
                }
            });
        }
        List<R> loaded = new ArrayList<>();
        for (T parent : parents) {
            Object key = context.mapper().get(parent, relation.localKey());
            R owner = key == null ? null : found.get(key);
            context.rules().setRelation(parent, relation.field(), owner);
            if (owner != null) {
                loaded.add(owner);
            }
        }
        return loaded;
    }

    // ------------------------------------------------------------------ ManyToMany

    /**
     * One Query of the pivot's index per distinct parent key (concurrently), then the distinct related keys with
     * {@code BatchGetItem} (or one Query each when they are not the related table's whole key); the include's
     * filters, order, skip and limit then apply per parent.
     */
    private static <T, R> List<R> manyToMany(ModelContext<T> context, ModelContext<R> related, List<T> parents,
                                             Relation relation, Include include) {
        Pivots pivots = Pivots.of(context, relation);
        Map<Object, List<T>> byLocal = new LinkedHashMap<>();
        for (T parent : parents) {
            AttributeValue local = pivots.localValueOrNull(parent);
            if (local != null) {
                byLocal.computeIfAbsent(local, v -> new ArrayList<>()).add(parent);
            }
        }
        Map<Object, List<AttributeValue>> linked = concurrently(byLocal.keySet(), local ->
                pivots.rows((AttributeValue) local).stream().map(row -> row.get(pivots.relatedKeyAttribute()))
                        .toList());
        Set<AttributeValue> wanted = new LinkedHashSet<>();
        linked.values().forEach(wanted::addAll);
        Map<AttributeValue, R> entities = relatedByKeyValue(related, relation.relatedPK(), wanted, include);
        List<R> loaded = new ArrayList<>();
        for (T parent : parents) {
            AttributeValue local = pivots.localValueOrNull(parent);
            List<AttributeValue> keys = new ArrayList<>(local == null ? List.of()
                    : linked.getOrDefault(local, List.of()));
            if (include.orderValue() != null) {
                keys.sort(include.orderValue() == dev.dynamite.api.Order.DESC
                        ? (a, b) -> Reader.compare(b, a) : Reader::compare);
            }
            List<R> children = new ArrayList<>();
            for (AttributeValue key : keys) {
                R child = entities.get(key);
                if (child != null) {
                    children.add(child);
                }
            }
            int from = Math.min(include.skipValue(), children.size());
            int to = include.limitValue().isPresent()
                    ? Math.min(children.size(), from + include.limitValue().getAsInt()) : children.size();
            List<R> window = new ArrayList<>(children.subList(from, to));
            context.rules().setRelation(parent, relation.field(), window);
            loaded.addAll(window);
        }
        return loaded;
    }

    /**
     * The related entities whose field {@code target} holds one of the given stored values, filtered by the include
     * (and its trash rule): by {@code BatchGetItem} when the field is the related table's whole key, else one Query
     * per value.
     */
    private static <R> Map<AttributeValue, R> relatedByKeyValue(ModelContext<R> related, String target,
                                                               Set<AttributeValue> values, Include include) {
        Map<AttributeValue, R> found = new HashMap<>();
        if (values.isEmpty()) {
            return found;
        }
        String partition = related.partitionAttribute();
        boolean byTableKey = target.equals(related.fieldOf(partition)) && related.sortAttribute() == null;
        if (byTableKey) {
            List<Map<String, AttributeValue>> keys = values.stream().map(v -> Map.of(partition, v)).toList();
            Set<String> fields = projected(related, include);
            ModelContext.Projection projection = fields == null ? null : related.projectionOf(fields);
            List<Condition> conditions = conditions(related, include);
            BatchGets.get(related.client(), related.batchDeadline(), related.tableName(), keys,
                    projection == null ? null : projection.expression(), projection == null ? null : projection.names(),
                    related::tableKey, related.readConcurrency()).forEach((key, item) -> {
                        if ((include.isWithTrashed() || !related.isTrashed(item))
                                && conditions.stream().allMatch(c -> c.test(item))) {
                            found.put(key.get(partition), new Tracking<>(related).load(item, fields));
                        }
                    });
            return found;
        }
        Class<?> type = related.mapper().fieldType(target);
        concurrently(new ArrayList<>(values), value -> {
            Object decoded = related.mapper().keyTypeStrategy().decode((AttributeValue) value, type);
            Search<R> query = new Search<>(related).where(target, decoded);
            Include filtered = Include.where(include.filters());
            if (include.filter().isPresent()) {
                filtered = filtered.and(include.filter().get());
            }
            apply(query, related, filtered.attributes(include.attributesValue().toArray(String[]::new)));
            if (include.isWithTrashed()) {
                query.withTrashed();
            }
            return query.first().map(List::of).orElse(List.of());
        }).forEach((value, list) -> {
            if (!list.isEmpty()) {
                found.put((AttributeValue) value, list.get(0));
            }
        });
        return found;
    }

    // ------------------------------------------------------------------ helpers

    /** An include's filters as conditions: its map filters and its typed filter, ANDed. */
    private static List<Condition> conditions(ModelContext<?> related, Include include) {
        List<Condition> conditions = new ArrayList<>(new Filters(related).parse(include.filters()));
        include.filter().ifPresent(filter -> conditions.addAll(new Filters(related).parse(filter)));
        return conditions;
    }

    /** Applies an include's options to the query of one parent's related items. */
    private static <R> void apply(Search<R> query, ModelContext<R> related, Include include) {
        query.where(include.filters());
        include.filter().ifPresent(query::where);
        include.limitValue().ifPresent(query::limit);
        query.skip(include.skipValue());
        if (include.orderValue() != null) {
            query.orderBy(include.orderValue());
        }
        Set<String> fields = projected(related, include);
        if (fields != null) {
            query.attributes(fields.toArray(String[]::new));
        }
        if (include.isWithTrashed()) {
            query.withTrashed();
        }
    }

    /**
     * The fields to load of related items: null for all; else those asked for plus what the nested includes join on
     * (the keys are added by the planner).
     */
    private static @Nullable Set<String> projected(ModelContext<?> related, Include include) {
        if (include.attributesValue().isEmpty()) {
            return null;
        }
        Set<String> fields = new LinkedHashSet<>(include.attributesValue());
        for (String nested : include.includes().keySet()) {
            Relation relation = relation(related, nested);
            if (related.rules().field(relation.localKey()) != null) {
                fields.add(relation.localKey());
            }
        }
        fields.add(related.fieldOf(related.partitionAttribute()));
        return fields;
    }

    /** The parents by their (non-null) value of a field, in first-seen order. */
    private static <T> Map<Object, List<T>> group(ModelContext<T> context, List<T> parents, String field) {
        Map<Object, List<T>> byKey = new LinkedHashMap<>();
        for (T parent : parents) {
            Object value = context.mapper().get(parent, field);
            if (value != null) {
                byKey.computeIfAbsent(value, v -> new ArrayList<>()).add(parent);
            }
        }
        return byKey;
    }

    private static <R> List<R> distinct(List<R> entities) {
        Map<R, Boolean> seen = new IdentityHashMap<>();
        List<R> unique = new ArrayList<>(entities.size());
        for (R entity : entities) {
            if (seen.put(entity, Boolean.TRUE) == null) {
                unique.add(entity);
            }
        }
        return unique;
    }

    /** Runs one read per key on the pool, at most {@link #CONCURRENCY} at once, and waits for all. */
    private static <R> Map<Object, List<R>> concurrently(Collection<Object> keys,
                                                         Function<Object, List<R>> read) {
        Map<Object, Future<List<R>>> running = new LinkedHashMap<>();
        for (Object key : keys) {
            Supplier<List<R>> carried = Operations.carry(() -> read.apply(key));
            running.put(key, POOL.submit(carried::get));
        }
        Map<Object, List<R>> results = new HashMap<>();
        RuntimeException failure = null;
        for (Map.Entry<Object, Future<List<R>>> entry : running.entrySet()) {
            try {
                results.put(entry.getKey(), entry.getValue().get());
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = unwrap(e.getCause());
                }
            } catch (InterruptedException e) {
                running.values().forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading an include", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return results;
    }

    private static RuntimeException unwrap(Throwable cause) {
        if (cause instanceof CompletionException && cause.getCause() != null) {
            return unwrap(cause.getCause());
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    /** Daemon threads named for thread dumps, so that the pool never keeps a JVM alive. */
    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "dynamite-include-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
