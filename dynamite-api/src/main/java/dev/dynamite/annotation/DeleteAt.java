package dev.dynamite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the soft-delete field of a model: {@code destroy()} sets it to the current time instead of deleting the item.
 *
 * <p>Reads skip items whose field is set ({@code withTrashed}/{@code onlyTrashed} see them), {@code restore()} clears
 * it, and {@code forceDestroy()} deletes the item for good. Field types as for {@link CreatedAt}. It cannot be set
 * through a {@code create} or {@code update} map.
 *
 * <pre>{@code
 * @DeleteAt public String deletedAt;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface DeleteAt {
}
