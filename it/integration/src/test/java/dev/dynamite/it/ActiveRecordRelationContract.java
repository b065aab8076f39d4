package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Model;
import dev.dynamite.api.Include;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.Order;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.it.RelationModels.Department;
import dev.dynamite.it.RelationModels.Employee;
import dev.dynamite.it.RelationModels.Org;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The relation suite on the active-record models of {@link RelationModels}, with what only active records have:
 * their own save through the client that loaded them, maps and JSON of loaded relations, and many-to-many links
 * changed from an entity ({@code attach}, {@code detach}, {@code sync}).
 */
abstract class ActiveRecordRelationContract extends RelationContract {
    @Override
    protected Class<?> model(String name) {
        return switch (name) {
            case "Org" -> RelationModels.Org.class;
            case "Department" -> RelationModels.Department.class;
            case "Employee" -> RelationModels.Employee.class;
            case "Task" -> RelationModels.Task.class;
            case "Badge" -> RelationModels.Badge.class;
            case "Shelf" -> RelationModels.Shelf.class;
            case "Book" -> RelationModels.Book.class;
            case "Project" -> RelationModels.Project.class;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private Model<Employee> typedEmployees() {
        return dynamite.model(Employee.class);
    }

    private Model<Org> typedOrgs() {
        return dynamite.model(Org.class);
    }

    private Model<Department> typedDepartments() {
        return dynamite.model(Department.class);
    }

    private static <T> T only(List<T> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    @Test
    void loadedRelationsAppearInMapsAndJson() {
        Employee e2 = typedEmployees().query().where("id", "e2").include("badge")
                .include("tasks", Include.all().limit(1)).first().orElseThrow();
        Map<String, Object> map = e2.toMap();
        assertThat(map).containsKeys("badge", "tasks").doesNotContainKey("department");
        assertThat(map.get("badge")).isEqualTo(Map.of("employeeId", "e2", "code", "B2"));
        assertThat(e2.toJson()).contains("\"badge\":{\"employeeId\":\"e2\",\"code\":\"B2\"}",
                "\"tasks\":[{\"employeeId\":\"e2\",\"seq\":1,\"title\":\"e2-t1\",\"status\":\"done\"}]");
    }

    @Test
    void manyToManyLinksLoadFromBothSidesAndChange() {
        Model<RelationModels.Project> projects = dynamite.model(RelationModels.Project.class);
        projects.create(Map.of("id", "p1", "name", "Apollo"));
        projects.create(Map.of("id", "p2", "name", "Gemini"));
        projects.create(Map.of("id", "p3", "name", "Mercury"));
        projects.create(Map.of("id", "p4", "name", "Skylab")).destroy();
        Employee e1 = typedEmployees().find("e1").orElseThrow();
        Employee e2 = typedEmployees().find("e2").orElseThrow();
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

        List<Employee> staff = typedEmployees().where(Map.of("departmentId", "d1"), QueryOptions.builder()
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

        Employee filtered = typedEmployees().query().where("id", "e1").include("projects", Include.where(Map.of("name",
                Map.of("beginsWith", "G")))).first().orElseThrow();
        assertThat(filtered.projects).extracting(p -> p.name).containsExactly("Gemini");
        Employee withTrashed = typedEmployees().query().where("id", "e1").include("projects", Include.all().withTrashed()
                .order(Order.DESC).limit(2)).first().orElseThrow();
        assertThat(withTrashed.projects).extracting(p -> p.id).containsExactly("p4", "p2");

        assertThat(e1.detach(RelationModels.Project.class, "p2")).isTrue();
        assertThat(e1.detach(RelationModels.Project.class, "p2")).isFalse();
        e2.sync(RelationModels.Project.class, List.of("p2", "p3"));
        assertThat(typedEmployees().query().where("id", "e2").include("projects", Include.all().order(Order.ASC)).first()
                .orElseThrow().projects).extracting(p -> p.id).containsExactly("p2", "p3");
        assertThat(typedEmployees().find("e1", QueryOptions.builder().include("projects").build()).orElseThrow().projects)
                .extracting(p -> p.id).containsExactly("p1");
        assertThatThrownBy(() -> e1.attach(Org.class, "o1")).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("no @ManyToMany relation to Org");
    }

    @Test
    void theRelatedEntitiesSaveThroughTheSameClient() {
        Org acme = only(typedOrgs().where(Map.of("id", "o1"), QueryOptions.builder().include("departments").build()));
        Department sales = acme.departments.stream().min(Comparator.comparing(d -> d.name.equals("Sales") ? 0 : 1))
                .orElseThrow();
        sales.name = "Sales & Marketing";
        assertThat(sales.save()).isTrue();
        assertThat(typedDepartments().find(sales.id).orElseThrow().name).isEqualTo("Sales & Marketing");
        sales.update(Map.of("name", "Sales"));
    }
}
