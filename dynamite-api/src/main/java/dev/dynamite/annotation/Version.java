package dev.dynamite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the version field of a model, which turns on optimistic locking.
 *
 * <p>The field is a {@code long} or {@code Long}. Dynamite manages it: a created item gets version 1; every
 * {@code save()}, {@code update(…)}, {@code destroy()}, {@code restore()} and counter change is conditioned on the stored
 * version being the one the entity holds, and increments it. When another writer changed the item first, the write
 * fails with {@link dev.dynamite.api.OptimisticLockException} and nothing is written. The field cannot be set through
 * a {@code create} or {@code update} map.
 *
 * <pre>{@code
 * @Version public long version;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Version {
}
