package dev.dynamite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.Index;
import dev.dynamite.annotation.IndexSort;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.core.internal.GlobalRegistry;
import dev.dynamite.local.DynamoDbLocal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random filter maps over a model of mixed types: {@code where} must return exactly what an in-memory evaluation of
 * the same filters over all items returns, whichever plan (GetItem, Query of the table or of an index, Scan) runs.
 * On the embedded engine, in process.
 */
class QueryPropertiesTest {
    public static final class Sample extends Table<Sample> {
        @Index public String group;
        @IndexSort public String id;
        public String s;
        public Integer n;
        public Double d;
        public Boolean flag;
        public Set<String> tags;
    }

    public static final class Owner extends Table<Owner> {
        @PrimaryKey public String id;
        @HasMany(model = Sample.class, foreignKey = "s") public List<Sample> samples;
    }

    private static final String[] GROUPS = {"g1", "g2", "g3"};
    private static final String[] WORDS = {"a", "ab", "abc", "b", "ba", "c", "x y"};
    private static DynamoDbLocal local;
    private static Dynamite dynamite;
    private static final List<Map<String, Object>> ITEMS = new ArrayList<>();

    @BeforeContainer
    static void seed() {
        local = DynamoDbLocal.create();
        dynamite = new Dynamite(DynamiteConfig.builder().configure(local::configure).tables(Sample.class, Owner.class)
                .build());
        dynamite.sync();
        Random random = new Random(42);
        for (int i = 0; i < 60; i++) {
            Map<String, Object> item = new HashMap<>();
            item.put("group", GROUPS[random.nextInt(GROUPS.length)]);
            item.put("id", String.format("i%02d", i));
            maybe(random, item, "s", () -> WORDS[random.nextInt(WORDS.length)]);
            maybe(random, item, "n", () -> random.nextInt(21) - 10);
            maybe(random, item, "d", () -> random.nextInt(40) / 4.0 - 5);
            maybe(random, item, "flag", random::nextBoolean);
            maybe(random, item, "tags", () -> new java.util.HashSet<>(List.of(WORDS[random.nextInt(WORDS.length)],
                    WORDS[random.nextInt(WORDS.length)])));
            dynamite.model(Sample.class).create(item);
            ITEMS.add(item);
        }
    }

    private static void maybe(Random random, Map<String, Object> item, String field,
                              java.util.function.Supplier<Object> value) {
        if (random.nextInt(5) > 0) {
            item.put(field, value.get());
        }
    }

    @AfterContainer
    static void close() {
        dynamite.disconnect();
        local.close();
        GlobalRegistry.clear();
    }

    /** One filter: the field, the operator ({@code null} for a plain value) and the operand. */
    record Filter(String field, String operator, Object operand) {
    }

    @Provide
    Arbitrary<List<Filter>> filters() {
        return filter().list().ofMinSize(1).ofMaxSize(3).uniqueElements(Filter::field);
    }

    private Arbitrary<Filter> filter() {
        Arbitrary<String> words = Arbitraries.of(WORDS);
        Arbitrary<Object> numbers = Arbitraries.integers().between(-11, 11).map(Object.class::cast);
        Arbitrary<Object> doubles = Arbitraries.integers().between(-24, 24).map(i -> (Object) (i / 4.0));
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of("=", "!=", "<", "<=", ">", ">=", "beginsWith"),
                        Arbitraries.of(GROUPS)).as((op, v) -> new Filter("group", op, v)),
                Combinators.combine(Arbitraries.of("=", "<", ">=", "between", "beginsWith", "in"),
                        Arbitraries.integers().between(0, 61)).as((op, i) -> new Filter("id", op, operand(op,
                        j -> String.format("i%02d", j), i))),
                Combinators.combine(Arbitraries.of("=", "!=", "<", ">=", "include", "beginsWith", "in", "between",
                        "$exists", "$notExists"), words).as((op, w) -> new Filter("s", op, operand(op,
                        j -> WORDS[Math.floorMod(j, WORDS.length)], indexOf(w)))),
                Combinators.combine(Arbitraries.of("=", "!=", "<", "<=", ">", ">=", "in", "between", "$exists"),
                        numbers).as((op, v) -> new Filter("n", op, operand(op, j -> j, (Integer) v))),
                Combinators.combine(Arbitraries.of("=", "<", ">", "between"), doubles)
                        .as((op, v) -> new Filter("d", op, v instanceof Double x && op.equals("between")
                                ? List.of(x, x + 2.5) : v)),
                Combinators.combine(Arbitraries.of("=", "!="), Arbitraries.of(true, false))
                        .as((op, v) -> new Filter("flag", op, v)),
                Combinators.combine(Arbitraries.of("include", "$exists"), words)
                        .as((op, w) -> new Filter("tags", op, op.equals("$exists") ? (Object) (w.length() > 1) : w)),
                Arbitraries.of("s", "n", "d", "flag").map(f -> new Filter(f, "=", NULL)));
    }

    /** Marks an equality with null: "the attribute is absent". */
    private static final Object NULL = new Object();

    private static int indexOf(String word) {
        return List.of(WORDS).indexOf(word);
    }

    private static Object operand(String op, Function<Integer, Object> value, int i) {
        return switch (op) {
            case "in" -> List.of(value.apply(i), value.apply(i + 1), value.apply(i + 3));
            case "between" -> {
                Object low = value.apply(i);
                Object high = value.apply(i + 2);
                // bounds in order: reversed bounds are refused before any request (a test of its own)
                yield compare(low, high) <= 0 ? List.of(low, high) : List.of(high, low);
            }
            case "$exists", "$notExists" -> i % 2 == 0;
            default -> value.apply(i);
        };
    }

    @Property(tries = 300)
    void whereMatchesAnInMemoryEvaluation(@ForAll("filters") List<Filter> filters) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (Filter filter : filters) {
            Object operand = filter.operand() == NULL ? null : filter.operand();
            if (filter.operator().equals("=")) {
                query.put(filter.field(), operand);
            } else {
                query.put(filter.field(), Map.of(filter.operator(), operand));
            }
        }
        List<String> expected = ITEMS.stream().filter(item -> filters.stream().allMatch(f -> matches(item, f)))
                .map(item -> (String) item.get("id")).sorted().toList();

        List<String> actual = dynamite.model(Sample.class).where(query).stream().map(s -> s.id).sorted().toList();

        assertThat(actual).as("%s planned as %s", query, dynamite.model(Sample.class)
                .explain(query, dev.dynamite.api.QueryOptions.none())).isEqualTo(expected);
    }

    /** DynamoDB's semantics: a missing attribute fails every comparison but {@code <>}. */
    private static boolean matches(Map<String, Object> item, Filter filter) {
        Object value = item.get(filter.field());
        Object operand = filter.operand();
        if (operand == NULL) {
            return value == null;
        }
        switch (filter.operator()) {
            case "$exists":
                return (value != null) == (Boolean) operand;
            case "$notExists":
                return (value == null) == (Boolean) operand;
            case "!=":
                return value == null || compare(value, operand) != 0;
            default:
                break;
        }
        if (value == null) {
            return false;
        }
        return switch (filter.operator()) {
            case "=" -> compare(value, operand) == 0;
            case "<" -> compare(value, operand) < 0;
            case "<=" -> compare(value, operand) <= 0;
            case ">" -> compare(value, operand) > 0;
            case ">=" -> compare(value, operand) >= 0;
            case "in" -> ((List<?>) operand).stream().anyMatch(o -> compare(value, o) == 0);
            case "between" -> {
                List<?> bounds = (List<?>) operand;
                yield compare(bounds.get(0), bounds.get(1)) <= 0 && compare(value, bounds.get(0)) >= 0
                        && compare(value, bounds.get(1)) <= 0;
            }
            case "beginsWith" -> value.toString().startsWith(operand.toString());
            case "include" -> value instanceof Set<?> set ? set.contains(operand)
                    : value.toString().contains(operand.toString());
            default -> throw new IllegalArgumentException(filter.operator());
        };
    }

    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            return a.equals(b) ? 0 : 1;
        }
        return a.toString().compareTo(b.toString());
    }
}
