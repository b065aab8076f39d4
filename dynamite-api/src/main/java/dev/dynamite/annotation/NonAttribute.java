package dev.dynamite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field that is not persisted: it is never written to DynamoDB and never filled from a stored item.
 *
 * <p>It has the same effect as the {@code transient} modifier, for fields that must stay serializable or that other
 * frameworks should still see. A non-attribute field cannot be a key and cannot carry {@link Name}.
 *
 * <pre>{@code
 * @NonAttribute public String displayName;   // computed, never stored
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface NonAttribute {
}
