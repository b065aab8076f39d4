package dev.dynamite.it;

import static dev.dynamite.it.Fields.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Model;
import dev.dynamite.api.Include;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.Order;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.api.UnknownFieldException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Includes end to end on a three-level tree (org → departments → employees → tasks, badges, and back-references),
 * with include options at every level; no include ever scans. The suite runs on the class models of {@link
 * RelationModels} and on the records of {@link RecordRelationModels}: it reaches the models through {@code Model<T>}
 * and reads their fields by name. What only active records have (their own save, maps and JSON, attach and detach)
 * is in {@link ActiveRecordRelationContract}.
 */
abstract class RelationContract extends FixtureContract {
    protected Model<?> orgs;
    protected Model<?> departments;
    protected Model<?> employees;
    protected Model<?> tasks;

    /**
     * The model class of an entity of the tree, by its simple name: Org, Department, Employee, Task, Badge, Shelf,
     * Book or Project.
     */
    protected abstract Class<?> model(String name);

    @BeforeAll
    void seed() {
        orgs = dynamite.model(model("Org"));
        departments = dynamite.model(model("Department"));
        employees = dynamite.model(model("Employee"));
        tasks = dynamite.model(model("Task"));
        orgs.create(Map.of("id", "o1", "name", "Acme"));
        orgs.create(Map.of("id", "o2", "name", "Beta"));
        String[][] depts = {{"d1", "o1", "Eng"}, {"d2", "o1", "Ops"}, {"d3", "o1", "Sales"}, {"d4", "o2", "Eng"},
            {"d5", "o9", "Ghost"}};
        for (String[] d : depts) {
            departments.create(Map.of("id", d[0], "orgId", d[1], "name", d[2]));
        }
        String[][] people = {{"e1", "d1", "dev"}, {"e2", "d1", "dev"}, {"e3", "d1", "pm"}, {"e4", "d1", "dev"},
            {"e5", "d2", "ops"}, {"e6", "d2", "dev"}, {"e7", "d4", "dev"}};
        for (String[] e : people) {
            employees.create(Map.of("id", e[0], "departmentId", e[1], "name", "name " + e[0], "role", e[2]));
            for (int seq = 1; seq <= 3; seq++) {
                tasks.create(Map.of("employeeId", e[0], "seq", seq, "title", e[0] + "-t" + seq,
                        "status", seq == 1 ? "done" : "open"));
            }
        }
        delete(employees, employees.find("e4").orElseThrow());
        dynamite.model(model("Badge")).create(Map.of("employeeId", "e1", "code", "B1"));
        dynamite.model(model("Badge")).create(Map.of("employeeId", "e2", "code", "B2"));
    }

    @BeforeEach
    void clearLog() {
        log.clear();
    }

    static <T> void delete(Model<T> model, Object entity) {
        model.delete(model.type().cast(entity));
    }

    static <T> Object update(Model<T> model, Object entity, Map<String, ?> changes) {
        return model.update(model.type().cast(entity), changes);
    }

    private static <T> T only(List<T> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    /** A list-valued relation, read by name. */
    static List<?> many(Object entity, String relation) {
        return (List<?>) get(entity, relation);
    }

    static Object id(Object entity) {
        return get(entity, "id");
    }

    private static Object byId(List<?> entities, String id) {
        return entities.stream().filter(d -> id.equals(id(d))).findFirst().orElseThrow();
    }

    @Test
    void loadsAThreeLevelTreeWithOptionsAtEveryLevel() {
        Object acme = only(orgs.where(Map.of("id", "o1"), QueryOptions.builder().include("departments", Include.all()
                .include("employees", Include.where(Map.of("role", "dev"))
                        .include("tasks", Include.where(Map.of("status", "open")).order(Order.DESC).limit(1))
                        .include("badge"))).build()));

        assertThat(many(acme, "departments")).extracting(RelationContract::id)
                .containsExactlyInAnyOrder("d1", "d2", "d3");
        Object eng = byId(many(acme, "departments"), "d1");
        assertThat(many(eng, "employees")).extracting(RelationContract::id).containsExactlyInAnyOrder("e1", "e2");
        for (Object e : many(eng, "employees")) {
            assertThat(many(e, "tasks")).singleElement().satisfies(t -> {
                assertThat(get(t, "seq")).isEqualTo(3);
                assertThat(get(t, "title")).isEqualTo(id(e) + "-t3");
            });
            assertThat(get(get(e, "badge"), "code")).isEqualTo(id(e).equals("e1") ? "B1" : "B2");
        }
        Object ops = byId(many(acme, "departments"), "d2");
        assertThat(many(ops, "employees")).singleElement().satisfies(e -> {
            assertThat(id(e)).isEqualTo("e6");
            assertThat(get(e, "badge")).isNull();
            assertThat(many(e, "tasks")).extracting(t -> get(t, "seq")).containsExactly(3);
        });
        Object sales = byId(many(acme, "departments"), "d3");
        assertThat(many(sales, "employees")).isEmpty();
        assertThat(log.operations()).doesNotContain("Scan");
    }

    @Test
    void backReferencesLoadWithBatchGetItemAndDanglingKeysGiveNull() {
        List<?> devs = employees.where(Map.of("role", "dev"), QueryOptions.builder()
                .include("department", Include.all().include("org")).build());
        assertThat(devs).extracting(RelationContract::id).containsExactlyInAnyOrder("e1", "e2", "e6", "e7");
        for (Object e : devs) {
            assertThat(id(get(e, "department"))).isEqualTo(get(e, "departmentId"));
            assertThat(get(get(get(e, "department"), "org"), "name")).isEqualTo(id(e).equals("e7") ? "Beta" : "Acme");
        }
        assertThat(log.count("BatchGetItem")).isEqualTo(2);

        Object ghost = only(departments.where(Map.of("id", "d5"), QueryOptions.builder().include("org").build()));
        assertThat(get(ghost, "org")).isNull();
    }

    @Test
    void trashedRelatedItemsAppearOnlyWithTrashed() {
        Object eng = departments.query().where("id", "d1").include("employees").first().orElseThrow();
        assertThat(many(eng, "employees")).extracting(RelationContract::id).containsExactlyInAnyOrder("e1", "e2", "e3");
        Object all = departments.query().where("id", "d1").include("employees", Include.all().withTrashed())
                .first().orElseThrow();
        assertThat(many(all, "employees")).extracting(RelationContract::id)
                .containsExactlyInAnyOrder("e1", "e2", "e3", "e4");
        Object orphan = tasks.query().where("employeeId", "e4").where("seq", 1).include("employee").first()
                .orElseThrow();
        assertThat(get(orphan, "employee")).isNull();
        Object kept = tasks.query().where("employeeId", "e4").where("seq", 1)
                .include("employee", Include.all().withTrashed()).first().orElseThrow();
        assertThat(id(get(kept, "employee"))).isEqualTo("e4");
    }

    @Test
    void skipOrderAndAttributesApplyPerParent() {
        Object e1 = employees.query().where("id", "e1")
                .include("tasks", Include.all().skip(1).attributes("title")).first().orElseThrow();
        assertThat(many(e1, "tasks")).extracting(t -> get(t, "seq")).containsExactly(2, 3);
        assertThat(many(e1, "tasks")).allSatisfy(t -> {
            assertThat((String) get(t, "title")).startsWith("e1-t");
            assertThat(get(t, "status")).isNull();
        });

        List<?> two = employees.where(Map.of("departmentId", "d1"), QueryOptions.builder()
                .include("tasks", Include.all().order(Order.DESC).limit(2)).build());
        assertThat(two).hasSize(3).allSatisfy(e -> assertThat(many(e, "tasks")).extracting(t -> get(t, "seq"))
                .containsExactly(3, 2));
    }

    @Test
    void aHasOneWithSeveralMatchesTakesOneAndDoesNotFail() {
        Object acme = orgs.find("o1", QueryOptions.builder().include("anyDepartment").build()).orElseThrow();
        assertThat(get(get(acme, "anyDepartment"), "orgId")).isEqualTo("o1");
        assertThat(id(get(acme, "anyDepartment"))).isIn("d1", "d2", "d3");
        Object beta = orgs.find("o2", QueryOptions.builder().include("anyDepartment").build()).orElseThrow();
        assertThat(id(get(beta, "anyDepartment"))).isEqualTo("d4");
        assertThat(log.requests(software.amazon.awssdk.services.dynamodb.model.QueryRequest.class))
                .allSatisfy(q -> assertThat(q.limit()).isEqualTo(2));
    }

    @Test
    void findTakesIncludes() {
        Object e1 = employees.find("e1", QueryOptions.builder().include("badge").include("department").build())
                .orElseThrow();
        assertThat(get(get(e1, "badge"), "code")).isEqualTo("B1");
        assertThat(get(get(e1, "department"), "name")).isEqualTo("Eng");
        assertThat(log.operations()).containsExactly("GetItem", "GetItem", "BatchGetItem");
        Object task = tasks.find("e2", 2, QueryOptions.builder().include("employee").build()).orElseThrow();
        assertThat(get(get(task, "employee"), "name")).isEqualTo("name e2");
        assertThat(employees.find("e4", QueryOptions.builder().include("badge").build())).isEmpty();
        assertThatThrownBy(() -> tasks.find("e2", QueryOptions.none()))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Task.seq");
    }

    @Test
    void partialParentsStillJoin() {
        Object eng = only(departments.where(Map.of("id", "d1"), QueryOptions.builder().attributes("name")
                .include("org").build()));
        assertThat(get(eng, "name")).isEqualTo("Eng");
        assertThat(get(get(eng, "org"), "name")).isEqualTo("Acme");
        assertThat(get(eng, "orgId")).as("loaded to join, then dropped: not asked for").isNull();
        // a partly loaded entity writes what it changes and leaves what it did not load as stored
        update(departments, eng, Map.of("name", "Engineering"));
        Object stored = departments.find("d1").orElseThrow();
        assertThat(get(stored, "orgId")).isEqualTo("o1");
        assertThat(get(stored, "name")).isEqualTo("Engineering");
        update(departments, stored, Map.of("name", "Eng"));

        Object e1 = employees.query().where("id", "e1").include("department", Include.all().attributes("name")
                .include("org")).first().orElseThrow();
        assertThat(get(get(e1, "department"), "name")).isEqualTo("Eng");
        assertThat(get(get(e1, "department"), "orgId")).isNull();
        assertThat(get(get(get(e1, "department"), "org"), "name")).isEqualTo("Acme");
        assertThat(get(e1, "departmentId")).isEqualTo("d1");
    }

    @Test
    void badIncludesFailBeforeAnyRequest() {
        assertThatThrownBy(() -> orgs.query().include("nope")).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("Org.nope").hasMessageContaining("not a relation");
        assertThatThrownBy(() -> orgs.query().include("departments", Include.all().include("boss")))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Department.boss");
        assertThatThrownBy(() -> orgs.query().include("departments", Include.where(Map.of("budget", 1))))
                .isInstanceOf(UnknownFieldException.class).hasMessageContaining("Department.budget");
        assertThatThrownBy(() -> orgs.query().include("departments", Include.all().attributes("budget")))
                .isInstanceOf(UnknownFieldException.class);
        assertThat(log.operations()).isEmpty();
    }

    @Test
    void numericForeignKeysAreStoredAsTheIndexDeclaresThem() {
        Model<?> shelves = dynamite.model(model("Shelf"));
        Model<?> books = dynamite.model(model("Book"));
        shelves.create(Map.of("id", 7, "label", "seven"));
        books.create(Map.of("isbn", "978-0", "shelfId", 7));
        books.create(Map.of("isbn", "978-1", "shelfId", 7L));

        assertThat(raw.getItem(b -> b.tableName(dynamite.config().tablePrefix() + "books")
                .key(Map.of("isbn", AttributeValue.fromS("978-0")))).item().get("shelfId").s()).isEqualTo("7");
        Object shelf = shelves.query().where("id", 7).include("books").first().orElseThrow();
        assertThat(many(shelf, "books")).extracting(b -> get(b, "isbn")).containsExactlyInAnyOrder("978-0", "978-1");
        Object book = books.query().where("shelfId", 7).include("shelf").first().orElseThrow();
        assertThat(get(get(book, "shelf"), "label")).isEqualTo("seven");
        assertThat(get(book, "shelfId")).isEqualTo(7L);
        assertThatThrownBy(() -> books.where("shelfId", ">", 5))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("native");
    }
}
