package dev.dynamite.annotation;

import dev.dynamite.spi.Transform;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Transforms a field's value when Dynamite writes it; the same as {@link Set}, under the original's other name.
 *
 * <pre>{@code
 * @Mutate(Slugify.class) public String slug;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Mutate {
    /**
     * Returns the transform classes, each public with a public no-arg constructor.
     *
     * @return the transforms, in the order they apply
     */
    Class<? extends Transform<?>>[] value();
}
