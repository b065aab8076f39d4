package dev.dynamite.annotation;

import dev.dynamite.spi.Transform;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Transforms a field's value when an item is read: the entity holds the transformed value, which is never written
 * back.
 *
 * <p>A loaded entity whose {@code @Get} field the user does not change keeps the stored value untouched through any
 * number of load/save cycles; only a value the user assigns is written (through the write transforms). Null values
 * are left alone. Also applied to the entity after Dynamite wrote it, so it always shows what a fresh read would.
 *
 * <pre>{@code
 * @Get(MaskCardNumber.class) public String cardNumber;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Get {
    /**
     * Returns the transform classes, each public with a public no-arg constructor.
     *
     * @return the transforms, in the order they apply
     */
    Class<? extends Transform<?>>[] value();
}
