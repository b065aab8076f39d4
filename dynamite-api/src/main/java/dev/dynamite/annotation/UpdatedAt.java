package dev.dynamite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field that Dynamite sets to the current time when an item is created and whenever it is updated.
 *
 * <p>Field types as for {@link CreatedAt}. It cannot be set through a {@code create} or {@code update} map.
 *
 * <pre>{@code
 * @UpdatedAt public String updatedAt;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface UpdatedAt {
}
