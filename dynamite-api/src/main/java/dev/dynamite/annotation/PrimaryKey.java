package dev.dynamite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the field that holds the partition (HASH) key of the model's table.
 *
 * <p>Exactly one field of a model carries {@code @PrimaryKey} or its alternative spelling {@link Index}. Its
 * DynamoDB type comes from the configured {@code KeyTypeStrategy} ({@code S} by default).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface PrimaryKey {
}
