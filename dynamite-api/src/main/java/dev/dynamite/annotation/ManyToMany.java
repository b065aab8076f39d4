package dev.dynamite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a many-to-many relation through a pivot table.
 *
 * <p>Each pivot item links one item of the declaring model (its {@link #localKey()} stored in the pivot attribute
 * {@link #foreignKey()}) with one item of {@link #model()} (its {@link #relatedPK()} stored in {@link #relatedKey()}).
 * {@code sync()} creates the pivot table, keyed by {@code id}, with a global secondary index on each of the two
 * attributes. Both sides may declare the same pivot table with the keys swapped; it is created once.
 *
 * <pre>{@code
 * @ManyToMany(model = Project.class, pivotTable = "employee_projects",
 *             foreignKey = "employeeId", relatedKey = "projectId")
 * public List<Project> projects;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ManyToMany {
    /**
     * Returns the related model class.
     *
     * @return the model on the other side of the pivot table
     */
    Class<?> model();

    /**
     * Returns the pivot table's name, as written (only the configured table prefix is added).
     *
     * @return the pivot table name
     */
    String pivotTable();

    /**
     * Returns the pivot attribute that holds the declaring item's key.
     *
     * @return an attribute name of the pivot table
     */
    String foreignKey();

    /**
     * Returns the pivot attribute that holds the related item's key.
     *
     * @return an attribute name of the pivot table
     */
    String relatedKey();

    /**
     * Returns the Java field of the declaring model stored in {@link #foreignKey()}.
     *
     * @return a field name of the declaring model; {@code "id"} by default
     */
    String localKey() default "id";

    /**
     * Returns the Java field of the related model stored in {@link #relatedKey()}.
     *
     * @return a field name of {@link #model()}; {@code "id"} by default
     */
    String relatedPK() default "id";
}
