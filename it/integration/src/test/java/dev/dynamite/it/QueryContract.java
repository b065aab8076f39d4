package dev.dynamite.it;

import dev.dynamite.Model;
import dev.dynamite.Query;
import dev.dynamite.QueryPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.api.InvalidQueryException;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.Order;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.api.UnknownFieldException;
import dev.dynamite.api.UnknownOperatorException;
import dev.dynamite.it.QueryModels.Ticket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Queries end to end: every operator and alias, every option, first/last, pagination, projection and the plan,
 * asserted on results and on the SDK operations sent. Twenty people p00..p19 are seeded once; p19 is soft-deleted.
 */
abstract class QueryContract<P, R> extends FixtureContract {
    private final Class<P> personType;
    private final Class<R> readingType;
    private final Class<?> teamType;
    private Model<P> people;
    private Model<R> readings;

    /**
     * Binds the suite to one kind of models: classes ({@code QueryModels}) or records ({@code RecordQueryModels}).
     *
     * @param personType the person model
     * @param readingType the reading model of the same kind
     * @param teamType the team model of the same kind
     */
    QueryContract(Class<P> personType, Class<R> readingType, Class<?> teamType) {
        this.personType = personType;
        this.readingType = readingType;
        this.teamType = teamType;
    }

    /** A field's (or component's) value, read as the test reads it. */
    static Object get(Object entity, String field) {
        return Fields.get(entity, field);
    }

    static String pid(Object person) {
        return (String) get(person, "id");
    }
    private static final Instant EPOCH = Instant.parse("2000-01-01T00:00:00Z");


    @BeforeAll
    void seed() {
        people = dynamite.model(personType);
        readings = dynamite.model(readingType);
        for (int i = 0; i < 20; i++) {
            int n = i;
            Map<String, Object> p = new HashMap<>();
            p.put("id", id(n));
            p.put("name", (n % 5 == 0 ? "Anna " : "Bob ") + n);
            p.put("age", n * 5);
            p.put("score", n % 7 == 0 ? null : n * 1.5);
            p.put("born", EPOCH.plus(n, ChronoUnit.DAYS));
            Set<String> tags = new HashSet<>();
            if (n % 2 == 0) {
                tags.add("even");
            }
            if (n % 3 == 0) {
                tags.add("three");
            }
            p.put("tags", tags);
            p.put("nicknames", n % 4 == 0 ? List.of("n" + n) : null);
            p.put("active", n % 2 == 0);
            p.put("state", n % 3 == 0 ? "status a" : "b");
            p.put("teamId", "t" + (n % 3));
            p.put("displayName", "dn " + n);
            people.create(p);
        }
        people.delete(people.find(id(19)).orElseThrow());
        for (int h = 0; h < 24; h++) {
            readings.create(Map.of("sensor", "s1", "at", String.format("2026-11-25T%02d:00:00Z", h), "value",
                    (double) h));
        }
    }

    @BeforeEach
    void clearLog() {
        log.clear();
    }

    static String id(int n) {
        return String.format("p%02d", n);
    }

    private List<String> ids(List<P> found) {
        return found.stream().map(QueryContract::pid).sorted().toList();
    }

    private static List<String> ids(int... numbers) {
        return IntStream.of(numbers).mapToObj(QueryContract::id).sorted().toList();
    }

    private static List<String> idsWhere(java.util.function.IntPredicate test) {
        return IntStream.range(0, 19).filter(test).mapToObj(QueryContract::id).toList();
    }

    // ------------------------------------------------------------------ operators

    @Test
    void equalityInEveryForm() {
        assertThat(ids(people.where(Map.of("age", 25)))).isEqualTo(ids(5));
        assertThat(ids(people.where("age", 25))).isEqualTo(ids(5));
        assertThat(ids(people.where("age", "=", 25))).isEqualTo(ids(5));
        assertThat(ids(people.where(Map.of("age", Map.of("$eq", 25))))).isEqualTo(ids(5));
        assertThat(ids(people.where(Map.of("state", "status a", "active", true)))).isEqualTo(ids(0, 6, 12, 18));
    }

    @Test
    void inequalityInEveryForm() {
        List<String> expected = idsWhere(n -> n % 3 != 0);
        assertThat(ids(people.where("state", "!=", "status a"))).isEqualTo(expected);
        assertThat(ids(people.where("state", "<>", "status a"))).isEqualTo(expected);
        assertThat(ids(people.where(Map.of("state", Map.of("$ne", "status a"))))).isEqualTo(expected);
        assertThat(ids(people.where("score", "!=", null))).isEqualTo(idsWhere(n -> n % 7 != 0));
    }

    @Test
    void comparisonsAndTheirAliases() {
        assertThat(ids(people.where("age", "<", 20))).isEqualTo(ids(0, 1, 2, 3));
        assertThat(ids(people.where(Map.of("age", Map.of("$lt", 20))))).isEqualTo(ids(0, 1, 2, 3));
        assertThat(ids(people.where("age", "<=", 20))).isEqualTo(ids(0, 1, 2, 3, 4));
        assertThat(ids(people.where(Map.of("age", Map.of("$lte", 20))))).isEqualTo(ids(0, 1, 2, 3, 4));
        assertThat(ids(people.where("age", ">", 80))).isEqualTo(ids(17, 18));
        assertThat(ids(people.where(Map.of("age", Map.of("$gt", 80))))).isEqualTo(ids(17, 18));
        assertThat(ids(people.where("age", ">=", 85))).isEqualTo(ids(17, 18));
        assertThat(ids(people.where(Map.of("age", Map.of("$gte", 85))))).isEqualTo(ids(17, 18));
        assertThat(ids(people.where(Map.of("age", Map.of(">=", 18, "<", 35))))).isEqualTo(ids(4, 5, 6));
        assertThat(ids(people.where("score", ">", 25.0))).isEqualTo(ids(17, 18));
        assertThat(ids(people.where("name", "<", "Anna 2"))).isEqualTo(ids(0, 10, 15));
    }

    @Test
    void valuesPassThroughTheFieldsCodec() {
        Instant day3 = EPOCH.plus(3, ChronoUnit.DAYS);
        assertThat(ids(people.where("born", day3))).isEqualTo(ids(3));
        assertThat(ids(people.where("born", "<", day3))).isEqualTo(ids(0, 1, 2));
        assertThat(ids(people.where("born", "between", List.of(day3, day3.plus(2, ChronoUnit.DAYS)))))
                .isEqualTo(ids(3, 4, 5));
        assertThat(ids(people.where("born", "<", day3.toString()))).isEqualTo(ids(0, 1, 2));
        assertThat(ids(people.where("age", 25L))).isEqualTo(ids(5));
    }

    @Test
    void inAndItsLimits() {
        assertThat(ids(people.where("age", "in", List.of(5, 10, 999)))).isEqualTo(ids(1, 2));
        assertThat(ids(people.where(Map.of("age", Map.of("$in", new Integer[] {15, 20}))))).isEqualTo(ids(3, 4));
        assertThat(ids(people.where("state", "in", Set.of("status a")))).isEqualTo(idsWhere(n -> n % 3 == 0));

        log.clear();
        assertThat(people.where("age", "in", List.of())).isEmpty();
        assertThat(log.operations()).isEmpty();

        // DynamoDB takes 100 operands in one IN: a longer list is sent as IN groups joined by OR
        List<Integer> many = IntStream.range(0, 250).map(i -> i * 5).boxed().toList();
        log.clear();
        assertThat(ids(people.where("age", "in", many))).isEqualTo(ids(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
                14, 15, 16, 17, 18));
        assertThat(log.requests(ScanRequest.class)).isNotEmpty().allSatisfy(scan -> {
            assertThat(scan.filterExpression()).startsWith("(#n0 IN (").contains(") OR #n0 IN (");
            assertThat(scan.expressionAttributeValues()).hasSize(250);
        });
        // past DynamoDB's 4 KB of expression, the query is refused before any request
        List<Integer> tooMany = IntStream.range(0, 700).boxed().toList();
        log.clear();
        assertThatThrownBy(() -> people.where("age", "in", tooMany)).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("Person").hasMessageContaining("over DynamoDB's limit of 4096");
        assertThat(log.operations()).isEmpty();
        assertThatThrownBy(() -> people.where("age", "in", 5)).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("collection");
    }

    @Test
    void inOnTheKeyIsBatchGetItemInKeyOrder() {
        List<String> asked = List.of(id(7), id(3), "nobody", id(19), id(3), id(12));
        assertThat(ids(people.where("id", "in", asked))).as("p19 is soft-deleted; no duplicates")
                .isEqualTo(ids(3, 7, 12));
        assertThat(log.operations()).containsExactly("BatchGetItem");
        assertThat(log.requests(BatchGetItemRequest.class).get(0).requestItems().values().iterator().next().keys())
                .hasSize(5);
        log.clear();

        assertThat(ids(people.where(Map.of("id", Map.of("in", asked)), QueryOptions.builder().order(Order.DESC)
                .skip(1).limit(1).build()))).isEqualTo(ids(7));
        assertThat(people.onlyTrashed(Map.of("id", Map.of("in", asked)))).extracting(QueryContract::pid)
                .containsExactly(id(19));
        assertThat(people.count(Map.of("id", Map.of("in", asked)))).isEqualTo(3);
        assertThat(people.first(Map.of("id", Map.of("in", asked)))).map(QueryContract::pid).contains(id(3));
        assertThat(people.last(Map.of("id", Map.of("in", asked)))).map(QueryContract::pid).contains(id(12));
        assertThat(people.where(Map.of("id", Map.of("in", asked)), QueryOptions.builder().attributes("name").build()))
                .allSatisfy(p -> {
                    assertThat(get(p, "name")).isNotNull();
                    assertThat(get(p, "age")).isNull();
                });
        assertThat(log.operations()).containsOnly("BatchGetItem");

        QueryPlan plan = people.explain(Map.of("id", Map.of("in", List.of(id(1), id(2)))), QueryOptions.none());
        assertThat(plan.operation()).isEqualTo(QueryPlan.Operation.BATCH_GET_ITEM);
        assertThat(plan.toString()).isEqualTo("BatchGetItem " + dynamite.config().tablePrefix()
                + "people key [id IN (\"p01\", \"p02\")] sorted in memory");
    }

    @Test
    void inOnTheKeyTakesAnyNumberOfKeysHundredARequest() {
        List<String> asked = IntStream.range(0, 250).mapToObj(i -> String.format("p%02d", i)).toList();
        assertThat(ids(people.where("id", "in", asked))).isEqualTo(idsWhere(n -> n != 19));
        assertThat(log.requests(BatchGetItemRequest.class)).extracting(r -> r.requestItems().values().iterator()
                .next().keys().size()).containsExactlyInAnyOrder(100, 100, 50);   // the requests run concurrently
        assertThat(log.operations()).doesNotContain("Scan", "Query");
    }

    @Test
    void inOnACompositeKeyReadsEveryCombination() {
        List<String> hours = List.of("2026-11-25T05:00:00Z", "2026-11-25T01:00:00Z", "2026-11-25T30:00:00Z");
        assertThat(readings.where(Map.of("sensor", Map.of("in", List.of("s1", "s2")), "at", Map.of("in", hours))))
                .extracting(r -> get(r, "value")).containsExactly(1.0, 5.0);
        assertThat(log.operations()).containsExactly("BatchGetItem");
        assertThat(log.requests(BatchGetItemRequest.class).get(0).requestItems().values().iterator().next().keys())
                .hasSize(6);
        log.clear();
        assertThat(readings.where(Map.of("sensor", "s1", "at", Map.of("in", hours)))).hasSize(2);
        assertThat(log.operations()).containsExactly("BatchGetItem");
        log.clear();
        // an in on the partition key alone, with a sort key in the table, is not a list of keys: it scans
        assertThat(readings.where(Map.of("sensor", Map.of("in", List.of("s1"))))).hasSize(24);
        assertThat(log.operations()).contains("Scan");
    }

    @Test
    void includeIsSubstringOnStringsAndMembershipOnSetsAndLists() {
        List<String> threes = idsWhere(n -> n % 3 == 0);
        assertThat(ids(people.where("tags", "include", "three"))).isEqualTo(threes);
        assertThat(ids(people.where(Map.of("tags", Map.of("$include", "three"))))).isEqualTo(threes);
        assertThat(ids(people.where(Map.of("tags", Map.of("contains", "three"))))).isEqualTo(threes);
        assertThat(ids(people.where(Map.of("tags", Map.of("$contains", "three"))))).isEqualTo(threes);
        assertThat(ids(people.where("nicknames", "include", "n8"))).isEqualTo(ids(8));
        assertThat(ids(people.where("name", "include", "nna 1"))).isEqualTo(ids(10, 15));
        assertThatThrownBy(() -> people.where("age", "include", 5)).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("string, set or list");
    }

    @Test
    void existenceBetweenAndBeginsWith() {
        List<String> withoutScore = List.of(id(0), id(7), id(14));
        assertThat(ids(people.where(Map.of("score", Map.of("$notExists", true))))).isEqualTo(withoutScore);
        assertThat(ids(people.where(Map.of("score", Map.of("$exists", false))))).isEqualTo(withoutScore);
        assertThat(ids(people.where("score", null))).isEqualTo(withoutScore);
        assertThat(ids(people.where(Map.of("score", Map.of("$exists", true))))).isEqualTo(idsWhere(n -> n % 7 != 0));
        assertThatThrownBy(() -> people.where(Map.of("score", Map.of("$exists", "yes"))))
                .isInstanceOf(ModelValidationException.class);

        assertThat(ids(people.where("age", "between", List.of(10, 20)))).isEqualTo(ids(2, 3, 4));
        assertThat(ids(people.where(Map.of("age", Map.of("$between", List.of(90, 200)))))).isEqualTo(ids(18));
        assertThatThrownBy(() -> people.where("age", "between", List.of(1))).hasMessageContaining("two values");
        assertThatThrownBy(() -> people.where("age", "between", List.of(20, 10)))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("low bound first");

        assertThat(ids(people.where("name", "beginsWith", "Anna"))).isEqualTo(idsWhere(n -> n % 5 == 0));
        assertThat(ids(people.where(Map.of("name", Map.of("$beginsWith", "Bob 1"))))).isEqualTo(ids(1, 11, 12, 13,
                14, 16, 17, 18));
        assertThatThrownBy(() -> people.where("age", "beginsWith", "1")).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("stored as a string");
    }

    @Test
    void aValueThatSpellsAnOperatorIsAValue() {
        people.create(Map.of("id", "in", "name", "in", "state", "$ne"));
        assertThat(ids(people.where("name", "in"))).containsExactly("in");
        assertThat(ids(people.where(Map.of("state", "$ne")))).containsExactly("in");
        assertThat(ids(people.where("name", "=", "in"))).containsExactly("in");
        raw.deleteItem(b -> b.tableName(people.tableName()).key(Map.of("id", AttributeValue.fromS("in"))));
    }

    @Test
    void badFiltersFailBeforeAnyRequest() {
        assertThatThrownBy(() -> people.where(Map.of("age", Map.of("$regex", ".*"))))
                .isInstanceOf(UnknownOperatorException.class).hasMessageContaining("Person.age")
                .hasMessageContaining("'$regex'");
        assertThatThrownBy(() -> people.where("age", "like", 5)).isInstanceOf(UnknownOperatorException.class);
        assertThatThrownBy(() -> people.where(Map.of("age", Map.of(">", 5, "or", 1))))
                .isInstanceOf(UnknownOperatorException.class).hasMessageContaining("'or'");
        assertThatThrownBy(() -> people.where("nope", 1)).isInstanceOf(UnknownFieldException.class);
        assertThatThrownBy(() -> people.where("note", "x")).isInstanceOf(UnknownFieldException.class);
        assertThatThrownBy(() -> dynamite.model(teamType).where("members", "x"))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("relation");
        assertThatThrownBy(() -> people.where("age", "old")).isInstanceOf(ModelValidationException.class)
                .hasMessageStartingWith("Person.age: ");
        assertThatThrownBy(() -> people.where("age", ">", null)).isInstanceOf(ModelValidationException.class);
        assertThat(log.operations()).isEmpty();
    }

    @Test
    void namesWithSpacesAndReservedWordsWorkInFiltersAndProjections() {
        List<P> found = people.where(Map.of("displayName", "dn 3", "state", "status a"),
                QueryOptions.builder().attributes("displayName", "state").build());
        assertThat(found).singleElement().satisfies(p -> {
            assertThat(get(p, "displayName")).isEqualTo("dn 3");
            assertThat(get(p, "state")).isEqualTo("status a");
            assertThat(get(p, "name")).isNull();
        });
    }

    // ------------------------------------------------------------------ options

    @Test
    void limitAndSkipCountMatchingItems() {
        QueryOptions page = QueryOptions.builder().order(Order.ASC).skip(2).limit(3).build();
        assertThat(people.where(Map.of("active", true), page)).extracting(QueryContract::pid)
                .containsExactly(id(4), id(6), id(8));
        assertThat(people.where(Map.of("active", true), page.toBuilder().offset(8).build())).extracting(QueryContract::pid)
                .containsExactly(id(16), id(18));
        assertThat(people.where(Map.of("active", true), QueryOptions.builder().limit(0).build())).isEmpty();
        assertThatThrownBy(() -> QueryOptions.builder().limit(-1).skip(-2).withTrashed().onlyTrashed().build())
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("limit").hasMessageContaining("skip")
                .hasMessageContaining("withTrashed");
    }

    @Test
    void orderIsSortKeyOrderOnAQueryAndKeyOrderInMemoryOnAScan() {
        List<R> descending = readings.where(Map.of("sensor", "s1"),
                QueryOptions.builder().order(Order.DESC).limit(3).build());
        assertThat(descending).extracting(r -> get(r, "value")).containsExactly(23.0, 22.0, 21.0);
        assertThat(log.requests(QueryRequest.class)).singleElement()
                .satisfies(q -> assertThat(q.scanIndexForward()).isFalse());

        List<P> scanned = people.where(Map.of("state", "b"), QueryOptions.builder().order(Order.DESC).build());
        assertThat(scanned).extracting(QueryContract::pid).isSortedAccordingTo(java.util.Comparator.reverseOrder())
                .hasSize(idsWhere(n -> n % 3 != 0).size());
        assertThat(people.explain(Map.of("state", "b"), QueryOptions.builder().order(Order.DESC).build())
                .sortsInMemory()).isTrue();
    }

    @Test
    void firstAndLastAreInKeyOrder() {
        assertThat(get(readings.first(Map.of("sensor", "s1")).orElseThrow(), "value")).isEqualTo(0.0);
        assertThat(get(readings.last(Map.of("sensor", "s1")).orElseThrow(), "value")).isEqualTo(23.0);
        assertThat(get(readings.first(Map.of("sensor", "s1", "at", Map.of(">", "2026-11-25T05")))
                .orElseThrow(), "value")).isEqualTo(5.0);
        assertThat(readings.first(Map.of("sensor", "nope"))).isEmpty();
        assertThat(pid(people.first(Map.of("active", false)).orElseThrow())).isEqualTo(id(1));
        assertThat(pid(people.last(Map.of("active", true)).orElseThrow())).isEqualTo(id(18));
        assertThat(pid(people.first(Map.of("active", true), QueryOptions.builder().order(Order.DESC).build())
                .orElseThrow())).isEqualTo(id(18));
    }

    @Test
    void sortKeyConditionsGoIntoTheKeyCondition() {
        List<R> morning = readings.where(Map.of("sensor", "s1",
                "at", Map.of("between", List.of("2026-11-25T06", "2026-11-25T09"))));
        assertThat(morning).extracting(r -> get(r, "value")).containsExactly(6.0, 7.0, 8.0);
        assertThat(readings.where(Map.of("sensor", "s1", "at", Map.of("beginsWith", "2026-11-25T1"))))
                .hasSize(10);
        assertThat(log.requests(QueryRequest.class)).allSatisfy(q -> {
            assertThat(q.keyConditionExpression()).contains(" AND ");
            assertThat(q.filterExpression()).isNull();
        });
    }

    @Test
    void keyConditionsAQueryCannotHoldAreCheckedOnTheItemsReturned() {
        // DynamoDB refuses key attributes in a Query's filter: in, <> and a second range stay out of the request
        Map<String, Object> range = new java.util.LinkedHashMap<>();
        range.put(">=", "2026-11-25T10");
        range.put("<", "2026-11-25T13");
        range.put("!=", "2026-11-25T11:00:00Z");
        assertThat(readings.where(Map.of("sensor", "s1", "at", range))).extracting(r -> get(r, "value"))
                .containsExactly(10.0, 12.0);
        assertThat(readings.query().where("sensor", "s1")
                .where("at", "in", List.of("2026-11-25T01:00:00Z", "2026-11-25T03:00:00Z", "x")).count())
                .isEqualTo(2);
        assertThat(log.requests(QueryRequest.class)).allSatisfy(q -> assertThat(q.filterExpression()).isNull());
    }

    @Test
    void projectionLoadsKeysAndTheNamedFieldsOnlyAndRejectsUnknownNames() {
        P partial = people.where(Map.of("id", id(3)), QueryOptions.builder().attributes("name").build()).get(0);
        assertThat(pid(partial)).isEqualTo(id(3));
        assertThat(get(partial, "name")).isEqualTo("Bob 3");
        assertThat(get(partial, "age")).isNull();
        assertThat(get(partial, "tags")).isNull();

        // a partly loaded entity writes back what it changes, and leaves the fields it did not load as stored
        people.update(partial, Map.of("name", "Bob three"));
        P whole = people.find(id(3)).orElseThrow();
        assertThat(get(whole, "name")).isEqualTo("Bob three");
        assertThat(get(whole, "age")).isEqualTo(15);
        assertThat(get(whole, "tags")).isEqualTo(Set.of("three"));
        people.update(whole, Map.of("name", "Bob 3"));

        assertThatThrownBy(() -> people.where(Map.of(), QueryOptions.builder().attributes("nope").build()))
                .isInstanceOf(UnknownFieldException.class);
    }

    @Test
    void includeNamesARelation() {
        assertThatThrownBy(() -> dynamite.model(teamType).query().include("name"))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("not a relation");
        Model<?> teams = dynamite.model(teamType);
        teams.create(Map.of("id", "t1", "name", "one"));
        Object team = teams.query().where("id", "t1").include("members").first().orElseThrow();
        assertThat((List<?>) get(team, "members")).extracting(QueryContract::pid)
                .containsExactlyInAnyOrderElementsOf(idsWhere(n -> n % 3 == 1));
        raw.deleteItem(b -> b.tableName(teams.tableName()).key(Map.of("id", AttributeValue.fromS("t1"))));
    }

    @Test
    void trashFiltersAreFilterExpressions() {
        assertThat(ids(people.where("age", ">=", 90))).isEqualTo(ids(18));
        assertThat(ids(people.where(Map.of("age", Map.of(">=", 90)), QueryOptions.builder().withTrashed().build())))
                .isEqualTo(ids(18, 19));
        assertThat(ids(people.onlyTrashed(Map.of()))).isEqualTo(ids(19));
        assertThat(people.query().where("age", ">=", 90).onlyTrashed().list()).extracting(QueryContract::pid)
                .containsExactly(id(19));
        List<ScanRequest> scans = log.requests(ScanRequest.class);
        assertThat(scans.get(0).filterExpression()).endsWith("AND attribute_not_exists(#n1)");
        assertThat(scans.get(1).filterExpression()).doesNotContain("deletedAt", "exists");
        assertThat(scans.get(2).filterExpression()).isEqualTo("attribute_exists(#n0)");
        assertThat(scans.get(3).filterExpression()).endsWith("AND attribute_exists(#n1)");
        assertThat(people.find(id(19))).isEmpty();
        assertThat(people.where(Map.of("id", id(19)))).isEmpty();
        assertThat(people.withTrashed(Map.of("id", id(19)))).hasSize(1);
    }

    @Test
    void countUsesSelectCount() {
        assertThat(people.count(Map.of("active", true))).isEqualTo(10);
        assertThat(people.count(Map.of())).isEqualTo(19);
        assertThat(people.count(Map.of("id", id(19)))).isZero();
        assertThat(people.query().where("teamId", "t1").count()).isEqualTo(6);
        assertThat(log.requests(ScanRequest.class)).allSatisfy(s -> assertThat(s.selectAsString()).isEqualTo("COUNT"));
    }

    @Test
    void theFluentFormCombinesFiltersAndStreams() {
        Query<P> query = people.query().where("active", true).where("age", ">=", 30).orderBy(Order.ASC)
                .limit(3).skip(1);
        assertThat(query.list()).extracting(QueryContract::pid).containsExactly(id(8), id(10), id(12));
        assertThat(query.stream().map(QueryContract::pid)).containsExactly(id(8), id(10), id(12));
        assertThat(pid(query.first().orElseThrow())).isEqualTo(id(8));
        assertThat(query.explain().operation()).isEqualTo(QueryPlan.Operation.SCAN);
    }

    // ------------------------------------------------------------------ the plan

    @Test
    void theWholeKeyIsOneGetItem() {
        assertThat(ids(people.where(Map.of("id", id(4))))).isEqualTo(ids(4));
        assertThat(log.operations()).containsExactly("GetItem");
        assertThat(people.explain(Map.of("id", id(4)), QueryOptions.none()).toString())
                .isEqualTo("GetItem " + dynamite.config().tablePrefix() + "people");
        log.clear();
        assertThat(readings.where(Map.of("sensor", "s1", "at", "2026-11-25T04:00:00Z"))).hasSize(1);
        assertThat(log.operations()).containsExactly("GetItem");
    }

    @Test
    void anIndexEqualityIsOneQueryOnTheIndex() {
        people.where(Map.of("teamId", "t2"));   // the first read of the table's indexes describes it
        log.clear();
        assertThat(ids(people.where(Map.of("teamId", "t2")))).isEqualTo(idsWhere(n -> n % 3 == 2));
        assertThat(log.operations()).containsExactly("Query");
        assertThat(log.requests(QueryRequest.class).get(0).indexName()).isEqualTo("GSI1_teamId");
        QueryPlan plan = people.explain(Map.of("teamId", "t2", "active", true), QueryOptions.none());
        assertThat(plan.operation()).isEqualTo(QueryPlan.Operation.QUERY);
        assertThat(plan.index()).contains("GSI1_teamId");
        assertThat(plan.toString()).endsWith("index GSI1_teamId key [teamId = \"t2\"] filter [active = true AND"
                + " attribute_not_exists(deletedAt)]");
    }

    @Test
    void aNonKeyFilterIsAScanAndAPartitionKeyAQuery() {
        people.where(Map.of("age", 5));
        assertThat(log.operations()).endsWith("Scan");
        log.clear();
        readings.where(Map.of("sensor", "s1", "value", Map.of(">", 20)));
        assertThat(log.operations()).containsExactly("Query");
        assertThat(log.requests(QueryRequest.class).get(0).filterExpression()).isNotNull();
    }

    @Test
    void anIndexThatLacksTheAttributesIsFollowedByBatchGetItem() {
        String table = dynamite.config().tablePrefix() + "tickets";
        raw.createTable(b -> b.tableName(table).billingMode(BillingMode.PROVISIONED)
                .provisionedThroughput(t -> t.readCapacityUnits(5L).writeCapacityUnits(5L))
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build(), AttributeDefinition.builder()
                        .attributeName("queue").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by_queue")
                        .keySchema(KeySchemaElement.builder().attributeName("queue").keyType(KeyType.HASH).build())
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))
                        .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L)).build()));
        raw.waiter().waitUntilTableExists(b -> b.tableName(table));
        Model<Ticket> tickets = dynamite.model(Ticket.class);
        for (int i = 0; i < 5; i++) {
            tickets.create(Map.of("id", "k" + i, "queue", i < 3 ? "urgent" : "later", "title", "ticket " + i,
                    "priority", i));
        }
        log.clear();

        List<Ticket> urgent = tickets.where(Map.of("queue", "urgent"));
        assertThat(urgent).extracting(t -> t.title).containsExactlyInAnyOrder("ticket 0", "ticket 1", "ticket 2");
        assertThat(log.requests(QueryRequest.class)).singleElement()
                .satisfies(q -> assertThat(q.indexName()).isEqualTo("by_queue"));
        assertThat(log.requests(BatchGetItemRequest.class)).hasSize(1);
        assertThat(tickets.explain(Map.of("queue", "urgent"), QueryOptions.none()).fetchesFullItems()).isTrue();

        // a filter on an attribute the index does not hold cannot run on it: a Scan
        assertThat(tickets.explain(Map.of("queue", "urgent", "priority", 1), QueryOptions.none()).operation())
                .isEqualTo(QueryPlan.Operation.SCAN);
        assertThat(tickets.where(Map.of("queue", "urgent", "priority", 1))).extracting(t -> pid(t)).containsExactly("k1");
        raw.deleteTable(b -> b.tableName(table));
    }

    @Test
    void bulkWritesTakeTheFullFilterLanguage() {
        assertThat(people.update(Map.of("displayName", "senior"), Map.of("age", Map.of(">=", 85)))).isEqualTo(2);
        assertThat(people.where("displayName", "senior")).extracting(QueryContract::pid).containsExactlyInAnyOrder(id(17),
                id(18));
        assertThat(people.update(Map.of("displayName", "dn 17"), Map.of("id", id(17)))).isEqualTo(1);
        assertThat(people.update(Map.of("displayName", "dn 18"), Map.of("id", id(18)))).isEqualTo(1);
        assertThat(people.increment("age", 0, Map.of("teamId", "t0", "age", Map.of("<", 10)))).isEqualTo(1);
    }

    @Test
    void everyPageIsFollowed() {
        Model<R> model = dynamite.model(readingType);
        String payload = "x".repeat(1000);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            Map<String, Object> item = new HashMap<>();
            item.put("sensor", "bulk");
            item.put("at", String.format("%05d", i));
            item.put("value", i);
            item.put("payload", payload);
            batch.add(item);
        }
        TestData.put(raw, dynamite.config().tablePrefix() + "readings", batch);
        log.clear();

        assertThat(model.where(Map.of("sensor", "bulk", "value", Map.of(">=", 0)))).hasSize(1200);
        assertThat(log.count("Query")).isGreaterThanOrEqualTo(2);
        log.clear();
        assertThat(model.query().where("sensor", "bulk").limit(10).list()).hasSize(10);
        assertThat(log.requests(QueryRequest.class)).singleElement().satisfies(q -> assertThat(q.limit()).isEqualTo(10));
        log.clear();
        assertThat(model.count(Map.of("sensor", "bulk"))).isEqualTo(1200);
    }
}
