package dev.dynamite.core.internal.query;

import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.UnknownOperatorException;
import dev.dynamite.core.internal.model.ModelContext;
import dev.dynamite.core.internal.model.ModelRules;
import dev.dynamite.core.internal.model.ModelRules.FieldRule;
import dev.dynamite.core.internal.model.Values;
import dev.dynamite.core.internal.query.Condition.Op;
import dev.dynamite.meta.Filter;
import dev.dynamite.spi.AttributeCodec;
import java.lang.reflect.Array;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Parses filters into {@link Condition}s, before any request: by the arity of the call, never by looking at what a
 * value happens to spell (a value {@code "in"} is a value). Operators come from a fixed list; every value is converted
 * to the field's type and encoded as it is stored.
 */
final class Filters {
    private final ModelContext<?> context;

    Filters(ModelContext<?> context) {
        this.context = context;
    }

    /** Parses a filter map: values, {@code null} for "absent", or operator maps. */
    List<Condition> parse(Map<String, ?> filters) {
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, ?> filter : filters.entrySet()) {
            String field = filter.getKey();
            FieldRule rule = context.filterable(field);
            Object value = filter.getValue();
            if (value instanceof Map<?, ?> operators && isOperatorMap(rule, operators)) {
                if (operators.isEmpty()) {
                    // an empty operator map is no condition at all: refused, never read as "every item"
                    throw new ModelValidationException(context.type(), field, "has an empty operator map, which"
                            + " states no condition; give an operator and a value, e.g. {\">=\": 18}, or leave the"
                            + " field out");
                }
                for (Map.Entry<?, ?> entry : operators.entrySet()) {
                    conditions.add(condition(rule, operator(rule, entry.getKey()), entry.getValue()));
                }
            } else {
                conditions.add(condition(rule, Op.EQ, value));
            }
        }
        return conditions;
    }

    /**
     * Parses a typed filter: each test of its top-level {@code and} becomes a condition (so the planner can use it
     * as a key condition), each {@code or} and {@code not} a compound. A test that can never hold ({@code in} of no
     * value) is folded away: an {@code or} drops it, an {@code and} holding one can never hold itself.
     */
    List<Condition> parse(Filter<?> filter) {
        Condition folded = fold(Objects.requireNonNull(filter, "filter"));
        if (folded.always()) {
            return List.of();
        }
        return folded.rule() == null && folded.op() == Op.AND ? folded.parts() : List.of(folded);
    }

    private Condition fold(Filter<?> filter) {
        if (filter instanceof Filter.Test<?> test) {
            FieldRule rule = context.filterable(test.field());
            Op op = Op.valueOf(test.operator().name());
            boolean exists = op == Op.EXISTS || op == Op.NOT_EXISTS;
            return condition(rule, op, exists ? Boolean.TRUE : test.operand());
        }
        if (filter instanceof Filter.Not<?> not) {
            Condition part = fold(not.part());
            if (part.never()) {
                return Condition.compound(Op.AND, List.of());
            }
            if (part.always()) {
                return Condition.compound(Op.OR, List.of());
            }
            return Condition.compound(Op.NOT, List.of(part));
        }
        boolean all = filter instanceof Filter.All<?>;
        List<? extends Filter<?>> given = all ? ((Filter.All<?>) filter).parts() : ((Filter.Any<?>) filter).parts();
        List<Condition> parts = new ArrayList<>();
        for (Filter<?> part : given) {
            Condition folded = fold(part);
            if (all ? folded.never() : folded.always()) {
                return folded;
            }
            if (!(all ? folded.always() : folded.never())) {
                // and(and(a, b), c) reads as and(a, b, c), or(or(a, b), c) as or(a, b, c)
                boolean same = folded.rule() == null && folded.op() == (all ? Op.AND : Op.OR);
                parts.addAll(same ? folded.parts() : List.of(folded));
            }
        }
        return parts.size() == 1 ? parts.get(0) : Condition.compound(all ? Op.AND : Op.OR, parts);
    }

    /** Parses the three-argument form. */
    Condition parse(String field, String operator, @Nullable Object value) {
        FieldRule rule = context.filterable(field);
        return condition(rule, operator(rule, operator), value);
    }

    /**
     * Whether a map value is a map of operators. For a field that stores maps, a map whose keys are all operators is
     * one and a map with none is a value to compare; anything else is refused, so an unknown key never passes.
     */
    private boolean isOperatorMap(FieldRule rule, Map<?, ?> map) {
        if (!Map.class.isAssignableFrom(rule.type)) {
            return true;
        }
        long operators = map.keySet().stream().filter(k -> k instanceof String s && Op.of(s) != null).count();
        if (operators == 0) {
            return false;
        }
        if (operators < map.size()) {
            for (Object key : map.keySet()) {
                operator(rule, key);
            }
        }
        return true;
    }

    private Op operator(FieldRule rule, @Nullable Object key) {
        Op op = key instanceof String spelling ? Op.of(spelling) : null;
        if (op == null) {
            throw new UnknownOperatorException(context.type(), rule.name, String.valueOf(key));
        }
        return op;
    }

    private Condition condition(FieldRule rule, Op op, @Nullable Object value) {
        switch (op) {
            case EQ, NE -> {
                if (value == null) {
                    return new Condition(rule, op == Op.EQ ? Op.NOT_EXISTS : Op.EXISTS, List.of());
                }
                return new Condition(rule, op, List.of(encode(rule, value, op)));
            }
            case LT, LE, GT, GE -> {
                return new Condition(rule, op, List.of(encode(rule, required(rule, op, value), op)));
            }
            case EXISTS, NOT_EXISTS -> {
                if (!(value instanceof Boolean exists)) {
                    throw invalid(rule, op, "takes true or false, not " + Values.describe(value));
                }
                boolean wanted = exists == (op == Op.EXISTS);
                return new Condition(rule, wanted ? Op.EXISTS : Op.NOT_EXISTS, List.of());
            }
            case IN -> {
                List<Object> values = elements(rule, op, value);
                List<AttributeValue> operands = new ArrayList<>(values.size());
                for (Object element : values) {
                    operands.add(encode(rule, required(rule, op, element), op));
                }
                return new Condition(rule, op, operands);
            }
            case BETWEEN -> {
                List<Object> bounds = elements(rule, op, value);
                if (bounds.size() != 2) {
                    throw invalid(rule, op, "takes two values, the low and the high bound; got " + bounds.size());
                }
                AttributeValue low = encode(rule, required(rule, op, bounds.get(0)), op);
                AttributeValue high = encode(rule, required(rule, op, bounds.get(1)), op);
                if (low.type() == high.type() && (low.s() != null || low.n() != null || low.b() != null)
                        && Reader.compare(low, high) > 0) {
                    throw invalid(rule, op, "takes the low bound first, but " + Values.describe(bounds.get(0))
                            + " is greater than " + Values.describe(bounds.get(1)));
                }
                return new Condition(rule, op, List.of(low, high));
            }
            case BEGINS_WITH -> {
                if (!(value instanceof String prefix)) {
                    throw invalid(rule, op, "takes a string prefix, not " + Values.describe(value));
                }
                if (!storedAsString(rule)) {
                    throw invalid(rule, op, "needs a field stored as a string; " + rule.type.getSimpleName()
                            + " is not");
                }
                return new Condition(rule, op, List.of(AttributeValue.fromS(prefix)));
            }
            case CONTAINS -> {
                return new Condition(rule, op, List.of(containsOperand(rule, required(rule, op, value))));
            }
        }
        throw new IllegalStateException(op.name());
    }

    private AttributeValue encode(FieldRule rule, Object value, Op op) {
        if (op.isRange() && context.mapper().isStrategyEncoded(rule.name) && Values.isNumeric(rule.type)
                && context.mapper().keyTypeStrategy().attributeType(rule.type)
                .filter(t -> t == software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S).isPresent()) {
            throw invalid(rule, op, "is a numeric key stored as a string by key strategy '"
                    + context.mapper().keyTypeStrategy().name() + "', so a range would compare text, not numbers;"
                    + " use the 'native' key strategy for numeric key ranges");
        }
        return context.mapper().encode(rule.name, context.coerceTo(rule, value));
    }

    /** The operand of {@code include}: a substring of a string field, or one element of a set or list field. */
    private AttributeValue containsOperand(FieldRule rule, Object value) {
        if (rule.type == String.class) {
            if (!(value instanceof String text)) {
                throw invalid(rule, Op.CONTAINS, "on a string field takes a string, not " + Values.describe(value));
            }
            return AttributeValue.fromS(text);
        }
        if (!Collection.class.isAssignableFrom(rule.type)) {
            throw invalid(rule, Op.CONTAINS, "needs a string, set or list field; " + rule.type.getSimpleName()
                    + " is none");
        }
        Type generic = context.javaField(rule.name).genericType();
        Type element = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
        Class<?> elementClass = element instanceof Class<?> c ? c
                : element instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw ? raw : Object.class;
        Object coerced;
        try {
            coerced = Values.coerce(value, elementClass);
        } catch (IllegalArgumentException e) {
            throw invalid(rule, Op.CONTAINS, "takes an element of the collection: " + e.getMessage());
        }
        AttributeCodec<Object> codec = context.codecFor(element);
        try {
            return codec.encode(coerced);
        } catch (RuntimeException e) {
            throw invalid(rule, Op.CONTAINS, "cannot encode " + Values.describe(value) + ": " + e.getMessage());
        }
    }

    private boolean storedAsString(FieldRule rule) {
        if (context.mapper().isStrategyEncoded(rule.name)) {
            return context.mapper().keyTypeStrategy().attributeType(rule.type)
                    .filter(t -> t == software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType.S)
                    .isPresent();
        }
        Class<?> type = rule.type;
        return type == String.class || type == UUID.class || type == Instant.class || type == LocalDate.class
                || type == LocalDateTime.class || type == OffsetDateTime.class || type.isEnum()
                || type == Character.class || type == char.class;
    }

    private Object required(FieldRule rule, Op op, @Nullable Object value) {
        if (value == null) {
            throw invalid(rule, op, "needs a value; use = null or $exists to test for absence");
        }
        return value;
    }

    private List<Object> elements(FieldRule rule, Op op, @Nullable Object value) {
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        if (value != null && value.getClass().isArray() && value.getClass() != byte[].class) {
            List<Object> elements = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) {
                elements.add(Array.get(value, i));
            }
            return elements;
        }
        throw invalid(rule, op, "takes a collection or an array, not " + Values.describe(value));
    }

    private ModelValidationException invalid(FieldRule rule, Op op, String problem) {
        return new ModelValidationException(context.type(), rule.name, "operator " + op.name().toLowerCase()
                + " " + problem);
    }
}
