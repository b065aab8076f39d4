package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Model;
import dev.dynamite.Page;
import dev.dynamite.Query;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.api.UnknownFieldException;
import dev.dynamite.it.QueryModels.Person;
import dev.dynamite.it.QueryModels.Reading;
import dev.dynamite.it.RecordModels.Order;
import dev.dynamite.meta.Filter;
import dev.dynamite.test.RequestLog;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Typed filters and updates from the generated metamodels ({@code QueryModels_Person_}, {@code RecordModels_Order_},
 * …) end to end: where both forms say the same thing, the typed form sends exactly the requests the map form sends;
 * {@code or} and {@code not} select what they say, also where they read a queried key (tested in memory); typed
 * bulk updates, counters and deletes write what they say and are refused before any request when invalid.
 *
 * <p>Ten people p0..p9 are seeded once: age 10·n, tags "even" for even n, state "on" for n below 5, team t(n % 2),
 * no score for n divisible by 3; and sensor s1 has ten readings at "a0".."a9" of value n.
 */
abstract class TypedFilterContract extends FixtureContract {
    private static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");
    private Model<Person> people;
    private Model<Reading> readings;
    private Model<Order> orders;
    private final List<Person> seeded = new ArrayList<>();

    @BeforeAll
    void seed() {
        people = dynamite.model(Person.class);
        readings = dynamite.model(Reading.class);
        orders = dynamite.model(Order.class);
        for (int i = 0; i < 10; i++) {
            int n = i;
            seeded.add(people.create(p -> {
                p.id = "p" + n;
                p.name = (n % 4 == 0 ? "Anna " : "Bob ") + n;
                p.age = n * 10;
                p.score = n % 3 == 0 ? null : n * 1.5;
                p.born = EPOCH.plus(n, ChronoUnit.DAYS);
                p.tags = n % 2 == 0 ? Set.of("even") : Set.of("odd");
                p.state = n < 5 ? "on" : "off";
                p.teamId = "t" + (n % 2);
                p.displayName = n % 2 == 0 ? "P " + n : null;
            }));
            readings.create(Map.of("sensor", "s1", "at", "a" + n, "value", (double) n));
        }
    }

    @BeforeEach
    void clearLog() {
        log.clear();
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /** Runs a query of each form; both must send the same requests and find the same items. */
    private <T> void sameRequests(Model<T> model, Filter<T> typed, Map<String, ?> filters, String operation,
                                  Function<T, Object> id) {
        log.clear();
        List<Object> typedIds = model.query().where(typed).allowScan().list().stream().map(id).toList();
        List<RequestLog.Call> typedCalls = List.copyOf(log.calls());
        String typedPlan = model.query().where(typed).allowScan().explain().toString();
        log.clear();
        List<Object> mapIds = model.query().where(filters).allowScan().list().stream().map(id).toList();
        List<RequestLog.Call> mapCalls = List.copyOf(log.calls());
        log.clear();

        assertThat(typedCalls).as("%s: the requests of %s", filters, typed).isNotEmpty().isEqualTo(mapCalls);
        assertThat(typedCalls.get(0).operation()).as("%s", filters).isEqualTo(operation);
        assertThat(typedPlan).isEqualTo(model.query().where(filters).allowScan().explain().toString());
        assertThat(typedIds).as("%s", filters).isNotEmpty().isEqualTo(mapIds);
    }

    @Test
    void aTypedFilterSendsTheRequestsOfTheMapFormThatSaysTheSame() {
        Function<Person, Object> person = p -> p.id;
        sameRequests(people, QueryModels_Person_.id.eq("p1"), map("id", "p1"), "GetItem", person);
        sameRequests(people, QueryModels_Person_.id.in("p1", "p2"), map("id", map("in", List.of("p1", "p2"))),
                "BatchGetItem", person);
        sameRequests(people, QueryModels_Person_.teamId.eq("t1").and(QueryModels_Person_.age.gte(30)),
                map("teamId", "t1", "age", map(">=", 30)), "Query", person);
        sameRequests(people, QueryModels_Person_.age.between(20, 50).and(QueryModels_Person_.tags.contains("even")),
                map("age", map("between", List.of(20, 50)), "tags", map("contains", "even")), "Scan", person);
        sameRequests(people, QueryModels_Person_.name.beginsWith("Anna").and(QueryModels_Person_.state.ne("off")),
                map("name", map("beginsWith", "Anna"), "state", map("!=", "off")), "Scan", person);
        sameRequests(people, QueryModels_Person_.displayName.exists().and(QueryModels_Person_.score.notExists()),
                map("displayName", map("$exists", true), "score", null), "Scan", person);
        sameRequests(people, QueryModels_Person_.born.lt(EPOCH.plus(3, ChronoUnit.DAYS))
                        .and(QueryModels_Person_.age.gt(0)).and(QueryModels_Person_.age.lte(90)),
                map("born", map("<", EPOCH.plus(3, ChronoUnit.DAYS)), "age", map(">", 0, "<=", 90)), "Scan", person);
        sameRequests(readings, QueryModels_Reading_.sensor.eq("s1").and(QueryModels_Reading_.at.between("a2", "a5"))
                        .and(QueryModels_Reading_.value.lt(4.0)),
                map("sensor", "s1", "at", map("between", List.of("a2", "a5")), "value", map("<", 4.0)), "Query",
                r -> r.at);
        Order order = orders.create(Map.of("userId", "same-user", "total", new BigDecimal("12"), "tags",
                Set.of("gift")));
        sameRequests(orders, RecordModels_Order_.userId.eq("same-user").and(RecordModels_Order_.tags.contains("gift"))
                        .and(RecordModels_Order_.total.gte(new BigDecimal("10"))),
                map("userId", "same-user", "tags", map("contains", "gift"), "total", map(">=", 10)), "Query",
                Order::id);
        assertThat(orders.first(RecordModels_Order_.userId.eq("same-user"))).contains(order);
    }

    private List<String> ids(List<Person> found) {
        return found.stream().map(p -> p.id).sorted().toList();
    }

    private List<String> expected(Predicate<Person> test) {
        return seeded.stream().filter(test).map(p -> p.id).sorted().toList();
    }

    @Test
    void orAndNotSelectWhatTheySay() {
        List<Person> found = people.where(QueryModels_Person_.teamId.eq("t1").and(QueryModels_Person_.age.lt(40)
                .or(QueryModels_Person_.state.eq("off").and(QueryModels_Person_.score.exists()))));
        assertThat(ids(found)).isEqualTo(expected(x -> x.teamId.equals("t1")
                && (x.age < 40 || x.state.equals("off") && x.score != null))).isNotEmpty();
        QueryRequest request = log.requests(QueryRequest.class).get(0);
        assertThat(request.indexName()).as("the equality of the top-level and is the key condition").isNotNull();
        assertThat(request.filterExpression()).contains(" OR ");

        List<Person> notEven = people.query().where(Filter.not(QueryModels_Person_.tags.contains("even")))
                .allowScan().list();
        assertThat(ids(notEven)).isEqualTo(expected(x -> !x.tags.contains("even"))).hasSize(5);

        List<Person> neither = people.query().where(Filter.not(Filter.or(QueryModels_Person_.age.gt(60),
                QueryModels_Person_.name.beginsWith("Anna")))).allowScan().list();
        assertThat(ids(neither)).isEqualTo(expected(x -> !(x.age > 60 || x.name.startsWith("Anna"))));

        assertThat(people.query().where(QueryModels_Person_.score.notExists().or(QueryModels_Person_.age.eq(10)))
                .allowScan().count()).isEqualTo(expected(x -> x.score == null || x.age == 10).size());
    }

    @Test
    void anOrThatReadsTheQueriedKeyIsTestedInMemoryOnTheQuery() {
        List<Reading> found = readings.where(QueryModels_Reading_.sensor.eq("s1")
                .and(QueryModels_Reading_.at.eq("a1").or(QueryModels_Reading_.value.gte(8.0))));

        assertThat(found).extracting(r -> r.at).containsExactly("a1", "a8", "a9");
        QueryRequest request = log.requests(QueryRequest.class).get(0);
        assertThat(request.keyConditionExpression()).doesNotContain("OR");
        assertThat(request.filterExpression()).as("a filter expression cannot read a key attribute").isNull();

        List<Order> none = orders.where(RecordModels_Order_.userId.eq("nobody-" + System.nanoTime())
                .and(RecordModels_Order_.id.eq("x").or(RecordModels_Order_.note.exists())));
        assertThat(none).isEmpty();
    }

    @Test
    void anInOfNoValueMatchesNothingAndSendsNothingWhereItDecidesTheFilter() {
        assertThat(people.where(QueryModels_Person_.id.in(List.of()))).isEmpty();
        assertThat(people.where(QueryModels_Person_.teamId.eq("t1").and(QueryModels_Person_.state.in(List.of()))))
                .isEmpty();
        assertThat(log.calls()).isEmpty();

        List<Person> found = people.query().where(QueryModels_Person_.state.in(List.of())
                .or(QueryModels_Person_.age.eq(30))).allowScan().list();
        assertThat(ids(found)).containsExactly("p3");
        assertThat(people.query().where(Filter.not(QueryModels_Person_.state.in(List.of()))
                .and(QueryModels_Person_.teamId.eq("t0"))).list()).hasSize(5);
    }

    @Test
    void pagesOfATypedFilterContinueFromTheirCursor() {
        Filter<Person> filter = QueryModels_Person_.teamId.eq("t0").and(QueryModels_Person_.age.gte(20)
                .or(QueryModels_Person_.name.beginsWith("Anna")));
        List<String> all = new ArrayList<>();
        Page<Person> page = people.page(filter, QueryOptions.none(), 2);
        all.addAll(page.items().stream().map(p -> p.id).toList());
        while (page.cursor().isPresent()) {
            page = people.page(filter, QueryOptions.builder().after(page.cursor().get()).build(), 2);
            all.addAll(page.items().stream().map(p -> p.id).toList());
        }
        assertThat(all.stream().sorted().toList()).isEqualTo(expected(x -> x.teamId.equals("t0")
                && (x.age >= 20 || x.name.startsWith("Anna"))));
    }

    @Test
    void aTypedFilterIsCheckedAsTheMapFormIs() {
        Query<Person> query = people.query();
        assertThatThrownBy(() -> query.where(new Filter.Test<>("nickname", dev.dynamite.meta.Operator.EQ, "x")))
                .isInstanceOf(UnknownFieldException.class);
        assertThatThrownBy(() -> query.where(QueryModels_Person_.age.between(50, 10)))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("low bound first");
        assertThat(log.calls()).isEmpty();
    }

    @Test
    void anIncludeTakesATypedFilterAndSendsWhatTheMapFormSends() {
        String user = "inc-" + System.nanoTime();
        Model<RecordModels.Buyer> buyers = dynamite.model(RecordModels.Buyer.class);
        buyers.create(Map.of("id", user, "name", "Ada", "tier", "gold"));
        orders.create(Map.of("userId", user, "total", new BigDecimal("5")));
        orders.create(Map.of("userId", user, "total", new BigDecimal("50")));
        orders.create(Map.of("userId", user, "total", new BigDecimal("1"), "note", "gift"));
        log.clear();

        RecordModels.Buyer ada = buyers.find(user, QueryOptions.builder().include("orders",
                dev.dynamite.api.Include.where(RecordModels_Order_.total.gte(new BigDecimal("10"))
                        .or(RecordModels_Order_.note.exists()))).build()).orElseThrow();
        assertThat(ada.orders()).extracting(o -> o.total().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("50", "1");

        log.clear();
        buyers.find(user, QueryOptions.builder().include("orders", dev.dynamite.api.Include.where(
                RecordModels_Order_.total.gte(new BigDecimal("10")))).build());
        List<RequestLog.Call> typed = List.copyOf(log.calls());
        log.clear();
        buyers.find(user, QueryOptions.builder().include("orders", dev.dynamite.api.Include.where(
                Map.of("total", Map.of(">=", new BigDecimal("10"))))).build());
        assertThat(typed).isNotEmpty().isEqualTo(log.calls());

        List<Order> withBuyer = orders.where(Map.of("userId", user), QueryOptions.builder().include("buyer",
                dev.dynamite.api.Include.where(RecordModels_Buyer_.tier.eq("silver"))).build());
        assertThat(withBuyer).hasSize(3).allSatisfy(o -> assertThat(o.buyer()).as("filtered out").isNull());
        assertThat(orders.where(Map.of("userId", user), QueryOptions.builder().include("buyer",
                dev.dynamite.api.Include.where(Map.of("name", "Ada")).and(RecordModels_Buyer_.tier.eq("gold")))
                .build())).allSatisfy(o -> assertThat(o.buyer().name()).isEqualTo("Ada"));
        assertThatThrownBy(() -> orders.query().include("buyer", dev.dynamite.api.Include.where(
                new Filter.Test<>("nope", dev.dynamite.meta.Operator.EQ, "x")))).isInstanceOf(UnknownFieldException.class);
    }

    @Test
    void typedBulkUpdatesCountersAndDeletesWriteWhatTheySay() {
        String user = "bulk-" + System.nanoTime();
        List<Order> made = IntStream.range(0, 4).mapToObj(i -> orders.create(Map.of("userId", user, "total",
                new BigDecimal(i * 10), "note", "n" + i))).toList();

        int updated = orders.update(RecordModels_Order_.status.set("late").and(RecordModels_Order_.note.remove()),
                RecordModels_Order_.userId.eq(user).and(RecordModels_Order_.total.gte(new BigDecimal("20"))
                        .or(RecordModels_Order_.note.eq("n0"))));
        assertThat(updated).isEqualTo(3);
        Map<String, Order> now = new LinkedHashMap<>();
        orders.where(RecordModels_Order_.userId.eq(user)).forEach(o -> now.put(o.id(), o));
        assertThat(now.get(made.get(0).id()).status()).isEqualTo("late");
        assertThat(now.get(made.get(0).id()).note()).isNull();
        assertThat(now.get(made.get(1).id()).status()).isEqualTo("pending");
        assertThat(now.get(made.get(1).id()).note()).isEqualTo("n1");
        assertThat(now.get(made.get(3).id()).version()).isEqualTo(2);

        assertThat(orders.update(RecordModels_Order_.logins.add(2), RecordModels_Order_.userId.eq(user)
                .and(Filter.not(RecordModels_Order_.status.eq("late"))))).isOne();
        assertThat(orders.find(made.get(1).id()).orElseThrow().logins()).isEqualTo(2);

        Order counted = orders.update(now.get(made.get(2).id()), RecordModels_Order_.logins.add(5));
        assertThat(counted.logins()).isEqualTo(5);
        assertThat(counted.version()).isEqualTo(now.get(made.get(2).id()).version() + 1);
        Order noted = orders.update(counted, RecordModels_Order_.note.set("instance"));
        assertThat(orders.find(noted.id())).contains(noted);
        assertThat(noted.note()).isEqualTo("instance");

        log.clear();
        assertThatThrownBy(() -> orders.update(RecordModels_Order_.logins.add(1).and(RecordModels_Order_.note
                .set("x")), RecordModels_Order_.userId.eq(user))).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("Order.logins").hasMessageContaining("own update");
        assertThatThrownBy(() -> orders.update(RecordModels_Order_.id.set("other"), RecordModels_Order_.userId
                .eq(user))).isInstanceOf(ModelValidationException.class).hasMessageContaining("Order.id");
        assertThat(log.calls()).as("refused before any request").isEmpty();

        assertThat(orders.delete(RecordModels_Order_.userId.eq(user).and(RecordModels_Order_.logins.gt(0)
                .or(RecordModels_Order_.total.eq(BigDecimal.ZERO))))).isEqualTo(3);
        assertThat(orders.where(RecordModels_Order_.userId.eq(user))).extracting(Order::id)
                .containsExactly(made.get(3).id());
        assertThat(orders.query().where(RecordModels_Order_.userId.eq(user)).onlyTrashed().count()).isEqualTo(3);
    }

    protected Model<Order> orders() {
        return orders;
    }
}
