package dev.dynamite.it;

import dev.dynamite.Table;
import dev.dynamite.annotation.BelongsTo;
import dev.dynamite.annotation.DeleteAt;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.HasOne;
import dev.dynamite.annotation.Index;
import dev.dynamite.annotation.IndexSort;
import dev.dynamite.annotation.ManyToMany;
import dev.dynamite.annotation.PrimaryKey;
import java.util.List;

/** A three-level tree with back-references: org → departments → employees → tasks, and badges. */
final class RelationModels {
    private RelationModels() {
    }

    public static final class Org extends Table<Org> {
        @PrimaryKey public String id;
        public String name;
        @HasMany(model = Department.class, foreignKey = "orgId") public List<Department> departments;
        @HasOne(model = Department.class, foreignKey = "orgId") public Department anyDepartment;
    }

    public static final class Department extends Table<Department> {
        @PrimaryKey public String id;
        public String orgId;
        public String name;
        @BelongsTo(model = Org.class, localKey = "orgId") public Org org;
        @HasMany(model = Employee.class, foreignKey = "departmentId") public List<Employee> employees;
    }

    public static final class Employee extends Table<Employee> {
        @PrimaryKey public String id;
        public String departmentId;
        public String name;
        public String role;
        @DeleteAt public String deletedAt;
        @BelongsTo(model = Department.class, localKey = "departmentId") public Department department;
        @HasMany(model = Task.class, foreignKey = "employeeId") public List<Task> tasks;
        @HasOne(model = Badge.class, foreignKey = "employeeId") public Badge badge;
        @ManyToMany(model = Project.class, pivotTable = "assignments", foreignKey = "employeeId",
                relatedKey = "projectId") public List<Project> projects;
    }

    public static final class Project extends Table<Project> {
        @PrimaryKey public String id;
        public String name;
        @DeleteAt public String deletedAt;
        @ManyToMany(model = Employee.class, pivotTable = "assignments", foreignKey = "projectId",
                relatedKey = "employeeId") public List<Employee> members;
    }

    /** Keyed by its employee, so loading an employee's tasks is a Query of the table itself, in sort-key order. */
    public static final class Task extends Table<Task> {
        @Index public String employeeId;
        @IndexSort public int seq;
        public String title;
        public String status;
        @BelongsTo(model = Employee.class, localKey = "employeeId") public Employee employee;
    }

    public static final class Badge extends Table<Badge> {
        @PrimaryKey public String employeeId;
        public String code;
    }

    /** Numeric keys: under the default strategy they are stored as strings, the foreign key included. */
    public static final class Shelf extends Table<Shelf> {
        @PrimaryKey public long id;
        public String label;
        @HasMany(model = Book.class, foreignKey = "shelfId") public List<Book> books;
    }

    public static final class Book extends Table<Book> {
        @PrimaryKey public String isbn;
        public long shelfId;
        @BelongsTo(model = Shelf.class, localKey = "shelfId") public Shelf shelf;
    }

    static final Class<?>[] ALL = {Org.class, Department.class, Employee.class, Task.class, Badge.class, Shelf.class,
        Book.class, Project.class};
}
