package dev.dynamite.it;

import dev.dynamite.it.RelationModels.Badge;
import dev.dynamite.it.RelationModels.Book;
import dev.dynamite.it.RelationModels.Department;
import dev.dynamite.it.RelationModels.Employee;
import dev.dynamite.it.RelationModels.Org;
import dev.dynamite.it.RelationModels.Project;
import dev.dynamite.it.RelationModels.Shelf;
import dev.dynamite.it.RelationModels.Task;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** Includes against dynalite (tables stay CREATING for its default 500 ms, so sync must wait). */
@DynamiteTest(backend = Backend.ENDPOINT, models = {Org.class, Department.class, Employee.class, Task.class,
        Badge.class, Shelf.class, Book.class, Project.class})
class RelationIT extends ActiveRecordRelationContract {
}
