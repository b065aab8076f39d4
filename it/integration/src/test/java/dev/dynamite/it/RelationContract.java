package dev.dynamite.it;

import dev.dynamite.Model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.api.Include;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.Order;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.api.UnknownFieldException;
import dev.dynamite.it.RelationModels.Badge;
import dev.dynamite.it.RelationModels.Department;
import dev.dynamite.it.RelationModels.Employee;
import dev.dynamite.it.RelationModels.Org;
import dev.dynamite.it.RelationModels.Task;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Includes end to end on a three-level tree (org → departments → employees → tasks, badges, and back-references),
 * with include options at every level; no include ever scans.
 */
abstract class RelationContract extends FixtureContract {
    private Model<Org> orgs;
    private Model<Department> departments;
    private Model<Employee> employees;


    @BeforeAll
    void seed() {
        orgs = dynamite.model(Org.class);
        departments = dynamite.model(Department.class);
        employees = dynamite.model(Employee.class);
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
                dynamite.model(Task.class).create(Map.of("employeeId", e[0], "seq", seq, "title", e[0] + "-t" + seq,
                        "status", seq == 1 ? "done" : "open"));
            }
        }
        employees.find("e4").orElseThrow().destroy();
        dynamite.model(Badge.class).create(Map.of("employeeId", "e1", "code", "B1"));
        dynamite.model(Badge.class).create(Map.of("employeeId", "e2", "code", "B2"));
    }

    @BeforeEach
    void clearLog() {
        log.clear();
    }

    private static <T> T only(List<T> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    @Test
    void loadsAThreeLevelTreeWithOptionsAtEveryLevel() {
        Org acme = only(orgs.where(Map.of("id", "o1"), QueryOptions.builder().include("departments", Include.all()
                .include("employees", Include.where(Map.of("role", "dev"))
                        .include("tasks", Include.where(Map.of("status", "open")).order(Order.DESC).limit(1))
                        .include("badge"))).build()));

        assertThat(acme.departments).extracting(d -> d.id).containsExactlyInAnyOrder("d1", "d2", "d3");
        Department eng = acme.departments.stream().filter(d -> d.id.equals("d1")).findFirst().orElseThrow();
        assertThat(eng.employees).extracting(e -> e.id).containsExactlyInAnyOrder("e1", "e2");
        for (Employee e : eng.employees) {
            assertThat(e.tasks).singleElement().satisfies(t -> {
                assertThat(t.seq).isEqualTo(3);
                assertThat(t.title).isEqualTo(e.id + "-t3");
            });
            assertThat(e.badge.code).isEqualTo(e.id.equals("e1") ? "B1" : "B2");
        }
        Department ops = acme.departments.stream().filter(d -> d.id.equals("d2")).findFirst().orElseThrow();
        assertThat(ops.employees).singleElement().satisfies(e -> {
            assertThat(e.id).isEqualTo("e6");
            assertThat(e.badge).isNull();
            assertThat(e.tasks).extracting(t -> t.seq).containsExactly(3);
        });
        Department sales = acme.departments.stream().filter(d -> d.id.equals("d3")).findFirst().orElseThrow();
        assertThat(sales.employees).isEmpty();
        assertThat(log.operations()).doesNotContain("Scan");
    }

    @Test
    void backReferencesLoadWithBatchGetItemAndDanglingKeysGiveNull() {
        List<Employee> devs = employees.where(Map.of("role", "dev"), QueryOptions.builder()
                .include("department", Include.all().include("org")).build());
        assertThat(devs).extracting(e -> e.id).containsExactlyInAnyOrder("e1", "e2", "e6", "e7");
        for (Employee e : devs) {
            assertThat(e.department.id).isEqualTo(e.departmentId);
            assertThat(e.department.org.name).isEqualTo(e.id.equals("e7") ? "Beta" : "Acme");
        }
        assertThat(log.count("BatchGetItem")).isEqualTo(2);

        Department ghost = only(departments.where(Map.of("id", "d5"), QueryOptions.builder().include("org").build()));
        assertThat(ghost.org).isNull();
    }

    @Test
    void trashedRelatedItemsAppearOnlyWithTrashed() {
        Department eng = departments.query().where("id", "d1").include("employees").first().orElseThrow();
        assertThat(eng.employees).extracting(e -> e.id).containsExactlyInAnyOrder("e1", "e2", "e3");
        Department all = departments.query().where("id", "d1").include("employees", Include.all().withTrashed())
                .first().orElseThrow();
        assertThat(all.employees).extracting(e -> e.id).containsExactlyInAnyOrder("e1", "e2", "e3", "e4");
        Task orphan = dynamite.model(Task.class).query().where("employeeId", "e4").where("seq", 1)
                .include("employee").first().orElseThrow();
        assertThat(orphan.employee).isNull();
        Task kept = dynamite.model(Task.class).query().where("employeeId", "e4").where("seq", 1)
                .include("employee", Include.all().withTrashed()).first().orElseThrow();
        assertThat(kept.employee.id).isEqualTo("e4");
    }

    @Test
    void skipOrderAndAttributesApplyPerParent() {
        Employee e1 = employees.query().where("id", "e1")
                .include("tasks", Include.all().skip(1).attributes("title")).first().orElseThrow();
        assertThat(e1.tasks).extracting(t -> t.seq).containsExactly(2, 3);
        assertThat(e1.tasks).allSatisfy(t -> {
            assertThat(t.title).startsWith("e1-t");
            assertThat(t.status).isNull();
        });

        List<Employee> two = employees.where(Map.of("departmentId", "d1"), QueryOptions.builder()
                .include("tasks", Include.all().order(Order.DESC).limit(2)).build());
        assertThat(two).hasSize(3).allSatisfy(e -> assertThat(e.tasks).extracting(t -> t.seq)
                .containsExactly(3, 2));
    }

    @Test
    void aHasOneWithSeveralMatchesTakesOneAndDoesNotFail() {
        Org acme = orgs.find("o1", QueryOptions.builder().include("anyDepartment").build()).orElseThrow();
        assertThat(acme.anyDepartment.orgId).isEqualTo("o1");
        assertThat(acme.anyDepartment.id).isIn("d1", "d2", "d3");
        Org beta = orgs.find("o2", QueryOptions.builder().include("anyDepartment").build()).orElseThrow();
        assertThat(beta.anyDepartment.id).isEqualTo("d4");
        assertThat(log.requests(software.amazon.awssdk.services.dynamodb.model.QueryRequest.class))
                .allSatisfy(q -> assertThat(q.limit()).isEqualTo(2));
    }

    @Test
    void findTakesIncludes() {
        Employee e1 = employees.find("e1", QueryOptions.builder().include("badge").include("department").build())
                .orElseThrow();
        assertThat(e1.badge.code).isEqualTo("B1");
        assertThat(e1.department.name).isEqualTo("Eng");
        assertThat(log.operations()).containsExactly("GetItem", "GetItem", "BatchGetItem");
        Task task = dynamite.model(Task.class).find("e2", 2, QueryOptions.builder().include("employee").build())
                .orElseThrow();
        assertThat(task.employee.name).isEqualTo("name e2");
        assertThat(employees.find("e4", QueryOptions.builder().include("badge").build())).isEmpty();
        assertThatThrownBy(() -> dynamite.model(Task.class).find("e2", QueryOptions.none()))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Task.seq");
    }

    @Test
    void partialParentsStillJoin() {
        Department eng = only(departments.where(Map.of("id", "d1"), QueryOptions.builder().attributes("name")
                .include("org").build()));
        assertThat(eng.name).isEqualTo("Eng");
        assertThat(eng.org.name).isEqualTo("Acme");
        assertThat(eng.orgId).as("loaded to join, then dropped: not asked for").isNull();
        eng.name = "Engineering";
        assertThat(eng.save()).isTrue();
        Department stored = departments.find("d1").orElseThrow();
        assertThat(stored.orgId).isEqualTo("o1");
        stored.update(Map.of("name", "Eng"));

        Employee e1 = employees.query().where("id", "e1").include("department", Include.all().attributes("name")
                .include("org")).first().orElseThrow();
        assertThat(e1.department.name).isEqualTo("Eng");
        assertThat(e1.department.orgId).isNull();
        assertThat(e1.department.org.name).isEqualTo("Acme");
        assertThat(e1.departmentId).isEqualTo("d1");
    }

    @Test
    void loadedRelationsAppearInMapsAndJson() {
        Employee e2 = employees.query().where("id", "e2").include("badge")
                .include("tasks", Include.all().limit(1)).first().orElseThrow();
        Map<String, Object> map = e2.toMap();
        assertThat(map).containsKeys("badge", "tasks").doesNotContainKey("department");
        assertThat(map.get("badge")).isEqualTo(Map.of("employeeId", "e2", "code", "B2"));
        assertThat(e2.toJson()).contains("\"badge\":{\"employeeId\":\"e2\",\"code\":\"B2\"}",
                "\"tasks\":[{\"employeeId\":\"e2\",\"seq\":1,\"title\":\"e2-t1\",\"status\":\"done\"}]");
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
        dynamite.model(RelationModels.Shelf.class).create(Map.of("id", 7, "label", "seven"));
        dynamite.model(RelationModels.Book.class).create(Map.of("isbn", "978-0", "shelfId", 7));
        dynamite.model(RelationModels.Book.class).create(Map.of("isbn", "978-1", "shelfId", 7L));

        assertThat(raw.getItem(b -> b.tableName(dynamite.config().tablePrefix() + "books")
                .key(Map.of("isbn", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("978-0"))))
                .item().get("shelfId").s()).isEqualTo("7");
        RelationModels.Shelf shelf = dynamite.model(RelationModels.Shelf.class).query().where("id", 7)
                .include("books").first().orElseThrow();
        assertThat(shelf.books).extracting(b -> b.isbn).containsExactlyInAnyOrder("978-0", "978-1");
        RelationModels.Book book = dynamite.model(RelationModels.Book.class).query().where("shelfId", 7)
                .include("shelf").first().orElseThrow();
        assertThat(book.shelf.label).isEqualTo("seven");
        assertThat(book.shelfId).isEqualTo(7L);
        assertThatThrownBy(() -> dynamite.model(RelationModels.Book.class).where("shelfId", ">", 5))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("native");
    }

    @Test
    void manyToManyLinksLoadFromBothSidesAndChange() {
        Model<RelationModels.Project> projects = dynamite.model(RelationModels.Project.class);
        projects.create(Map.of("id", "p1", "name", "Apollo"));
        projects.create(Map.of("id", "p2", "name", "Gemini"));
        projects.create(Map.of("id", "p3", "name", "Mercury"));
        projects.create(Map.of("id", "p4", "name", "Skylab")).destroy();
        Employee e1 = employees.find("e1").orElseThrow();
        Employee e2 = employees.find("e2").orElseThrow();
        e1.attach(RelationModels.Project.class, "p1", Map.of("role", "lead", "hours", 12));
        e1.attach(RelationModels.Project.class, "p2");
        e1.attach(RelationModels.Project.class, "p4");
        e2.attach(RelationModels.Project.class, "p1");
        projects.find("p1").orElseThrow().attach(Employee.class, "e1");   // the same row, from the other side
        String pivot = dynamite.config().tablePrefix() + "assignments";
        assertThat(raw.scan(b -> b.tableName(pivot)).count()).isEqualTo(4);
        assertThatThrownBy(() -> e1.attach(RelationModels.Project.class, "p3", Map.of("projectId", "p9")))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("'projectId'");
        log.clear();

        List<Employee> staff = employees.where(Map.of("departmentId", "d1"), QueryOptions.builder()
                .include("projects", Include.all().order(Order.ASC)).build());
        Map<String, List<String>> projectsOf = new java.util.HashMap<>();
        staff.forEach(e -> projectsOf.put(e.id, e.projects.stream().map(p -> p.id).toList()));
        assertThat(projectsOf).containsOnly(Map.entry("e1", List.of("p1", "p2")), Map.entry("e2", List.of("p1")),
                Map.entry("e3", List.of()));
        assertThat(log.count("BatchGetItem")).isEqualTo(1);
        assertThat(log.operations()).doesNotContain("Scan");

        RelationModels.Project apollo = projects.query().where("id", "p1")
                .include("members", Include.all().include("department")).first().orElseThrow();
        assertThat(apollo.members).extracting(m -> m.id).containsExactlyInAnyOrder("e1", "e2");
        assertThat(apollo.members).allSatisfy(m -> assertThat(m.department.name).isEqualTo("Eng"));

        Employee filtered = employees.query().where("id", "e1").include("projects", Include.where(Map.of("name",
                Map.of("beginsWith", "G")))).first().orElseThrow();
        assertThat(filtered.projects).extracting(p -> p.name).containsExactly("Gemini");
        Employee withTrashed = employees.query().where("id", "e1").include("projects", Include.all().withTrashed()
                .order(Order.DESC).limit(2)).first().orElseThrow();
        assertThat(withTrashed.projects).extracting(p -> p.id).containsExactly("p4", "p2");

        assertThat(e1.detach(RelationModels.Project.class, "p2")).isTrue();
        assertThat(e1.detach(RelationModels.Project.class, "p2")).isFalse();
        e2.sync(RelationModels.Project.class, List.of("p2", "p3"));
        assertThat(employees.query().where("id", "e2").include("projects", Include.all().order(Order.ASC)).first()
                .orElseThrow().projects).extracting(p -> p.id).containsExactly("p2", "p3");
        assertThat(employees.find("e1", QueryOptions.builder().include("projects").build()).orElseThrow().projects)
                .extracting(p -> p.id).containsExactly("p1");
        assertThatThrownBy(() -> e1.attach(Org.class, "o1")).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("no @ManyToMany relation to Org");
    }

    @Test
    void theRelatedEntitiesSaveThroughTheSameClient() {
        Org acme = only(orgs.where(Map.of("id", "o1"), QueryOptions.builder().include("departments").build()));
        Department sales = acme.departments.stream().min(Comparator.comparing(d -> d.name.equals("Sales") ? 0 : 1))
                .orElseThrow();
        sales.name = "Sales & Marketing";
        assertThat(sales.save()).isTrue();
        assertThat(departments.find(sales.id).orElseThrow().name).isEqualTo("Sales & Marketing");
        sales.update(Map.of("name", "Sales"));
    }
}
