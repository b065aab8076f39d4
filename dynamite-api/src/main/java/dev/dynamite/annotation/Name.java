package dev.dynamite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the DynamoDB table of a model class, or the attribute of a field.
 *
 * <p>Without it, a class maps to the snake_case English plural of its simple name ({@code OrderItem} →
 * {@code order_items}, {@code Category} → {@code categories}) and a field to an attribute of the field's own name.
 * Maps given to Dynamite are always keyed by Java field names; this annotation changes only what is stored.
 *
 * <pre>{@code
 * @Name("people")
 * public class Person extends Table<Person> {
 *     @PrimaryKey @Name("person_id") public String id;
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface Name {
    /**
     * Returns the table name (on a class) or the attribute name (on a field).
     *
     * @return the name as stored in DynamoDB; never blank
     */
    String value();
}
