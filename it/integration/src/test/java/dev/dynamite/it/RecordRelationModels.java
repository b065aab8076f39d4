package dev.dynamite.it;

import dev.dynamite.annotation.BelongsTo;
import dev.dynamite.annotation.DeleteAt;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.HasOne;
import dev.dynamite.annotation.Index;
import dev.dynamite.annotation.IndexSort;
import dev.dynamite.annotation.ManyToMany;
import dev.dynamite.annotation.PrimaryKey;
import java.util.List;

/** {@link RelationModels} as records: the relation suite runs on both. */
final class RecordRelationModels {
    private RecordRelationModels() {
    }

    /** A model of the tree by its simple name, for {@link RelationContract#model}. */
    static Class<?> named(String name) {
        return switch (name) {
            case "Org" -> Org.class;
            case "Department" -> Department.class;
            case "Employee" -> Employee.class;
            case "Task" -> Task.class;
            case "Badge" -> Badge.class;
            case "Shelf" -> Shelf.class;
            case "Book" -> Book.class;
            case "Project" -> Project.class;
            default -> throw new IllegalArgumentException(name);
        };
    }

    public record Org(@PrimaryKey String id, String name,
                      @HasMany(model = Department.class, foreignKey = "orgId") List<Department> departments,
                      @HasOne(model = Department.class, foreignKey = "orgId") Department anyDepartment) {
    }

    public record Department(@PrimaryKey String id, String orgId, String name,
                             @BelongsTo(model = Org.class, localKey = "orgId") Org org,
                             @HasMany(model = Employee.class, foreignKey = "departmentId") List<Employee> employees) {
    }

    public record Employee(@PrimaryKey String id, String departmentId, String name, String role,
                           @DeleteAt String deletedAt,
                           @BelongsTo(model = Department.class, localKey = "departmentId") Department department,
                           @HasMany(model = Task.class, foreignKey = "employeeId") List<Task> tasks,
                           @HasOne(model = Badge.class, foreignKey = "employeeId") Badge badge,
                           @ManyToMany(model = Project.class, pivotTable = "assignments", foreignKey = "employeeId",
                                   relatedKey = "projectId") List<Project> projects) {
    }

    public record Project(@PrimaryKey String id, String name, @DeleteAt String deletedAt,
                          @ManyToMany(model = Employee.class, pivotTable = "assignments", foreignKey = "projectId",
                                  relatedKey = "employeeId") List<Employee> members) {
    }

    public record Task(@Index String employeeId, @IndexSort int seq, String title, String status,
                       @BelongsTo(model = Employee.class, localKey = "employeeId") Employee employee) {
    }

    public record Badge(@PrimaryKey String employeeId, String code) {
    }

    public record Shelf(@PrimaryKey long id, String label,
                        @HasMany(model = Book.class, foreignKey = "shelfId") List<Book> books) {
    }

    public record Book(@PrimaryKey String isbn, long shelfId,
                       @BelongsTo(model = Shelf.class, localKey = "shelfId") Shelf shelf) {
    }
}
