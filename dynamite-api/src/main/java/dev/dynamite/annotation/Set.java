package dev.dynamite.annotation;

import dev.dynamite.spi.Transform;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Transforms a field's value when Dynamite writes it: on create, and on {@code save()}/{@code update(…)} when the
 * field changed.
 *
 * <p>The transformed value is what is stored and what the entity holds afterwards. {@code @Set} and {@link Mutate}
 * behave alike in Java (a field assignment cannot be intercepted, so both run on write); when a field carries both,
 * they run in the order they are written, each in the order of its classes, before the validators. Null values are
 * left alone. Name clash: inside a class that uses {@code java.util.Set}, write {@code @dev.dynamite.annotation.Set}.
 *
 * <pre>{@code
 * @dev.dynamite.annotation.Set({Trim.class, LowerCase.class}) public String email;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Set {
    /**
     * Returns the transform classes, each public with a public no-arg constructor.
     *
     * @return the transforms, in the order they apply
     */
    Class<? extends Transform<?>>[] value();
}
