package dev.dynamite.core.internal.entity;

import dev.dynamite.api.ModelValidationException;
import dev.dynamite.core.internal.model.Json;
import dev.dynamite.core.internal.model.ModelContext;
import dev.dynamite.core.internal.model.OnModel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * An entity as a map and as JSON, with its loaded relations nested.
 *
 * @param <T> the model type
 */
public final class Views<T> extends OnModel<T> {

    public Views(ModelContext<T> context) {
        super(context);
    }

    // ================================================================== maps and JSON

    /**
     * Returns an entity's persisted fields and loaded relations by Java field name, nulls left out.
     *
     * @param entity the entity
     * @return a new, modifiable map in declaration order
     */
    public Map<String, Object> toMap(T entity) {
        Map<String, Object> map = mapper.toMap(entity);
        for (Map.Entry<String, Object> relation : rules.relationValues(entity).entrySet()) {
            Object value = relation.getValue();
            if (value instanceof Collection<?> related) {
                List<Object> maps = new ArrayList<>(related.size());
                for (Object element : related) {
                    maps.add(element == null ? null : nestedMap(element));
                }
                map.put(relation.getKey(), maps);
            } else {
                map.put(relation.getKey(), nestedMap(value));
            }
        }
        return map;
    }

    /**
     * Returns an entity as a JSON object: its fields as {@link #toMap} gives them, with related entities as objects and
     * values the JSON writer does not know (nested POJOs of the Jackson codec, say) as the JSON form of their stored
     * attribute.
     *
     * @param entity the entity
     * @return the JSON text
     */
    public String toJson(T entity) {
        StringBuilder out = new StringBuilder();
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : mapper.toMap(entity).entrySet()) {
            first = member(out, entry.getKey(), first);
            int mark = out.length();
            if (!Json.value(out, entry.getValue(), this::nestedJson)) {
                out.setLength(mark);
                Json.attribute(out, mapper.encode(entry.getKey(), entry.getValue()));
            }
        }
        for (Map.Entry<String, Object> relation : rules.relationValues(entity).entrySet()) {
            first = member(out, relation.getKey(), first);
            if (!Json.value(out, relation.getValue(), this::nestedJson)) {
                throw new ModelValidationException(type, relation.getKey(), "holds a "
                        + relation.getValue().getClass().getName() + ", which is not a related entity");
            }
        }
        return out.append('}').toString();
    }

    private static boolean member(StringBuilder out, String name, boolean first) {
        if (!first) {
            out.append(',');
        }
        Json.string(out, name);
        out.append(':');
        return false;
    }

    private String nestedJson(Object entity) {
        return new Views<>(context.nested(entity)).toJsonUnchecked(entity);
    }

    private Map<String, Object> nestedMap(Object entity) {
        return new Views<>(context.nested(entity)).toMapUnchecked(entity);
    }

    @SuppressWarnings("unchecked")
    private String toJsonUnchecked(Object entity) {
        return toJson((T) entity);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMapUnchecked(Object entity) {
        return toMap((T) entity);
    }
}
