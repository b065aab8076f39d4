package dev.dynamite.it;

import dev.dynamite.it.RecordRelationModels.Badge;
import dev.dynamite.it.RecordRelationModels.Book;
import dev.dynamite.it.RecordRelationModels.Department;
import dev.dynamite.it.RecordRelationModels.Employee;
import dev.dynamite.it.RecordRelationModels.Org;
import dev.dynamite.it.RecordRelationModels.Project;
import dev.dynamite.it.RecordRelationModels.Shelf;
import dev.dynamite.it.RecordRelationModels.Task;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;

/** The relation suite on record models, against dynalite. */
@DynamiteTest(backend = Backend.ENDPOINT, models = {Org.class, Department.class, Employee.class, Task.class,
        Badge.class, Shelf.class, Book.class, Project.class})
class RecordRelationIT extends RecordRelationContract {
}
