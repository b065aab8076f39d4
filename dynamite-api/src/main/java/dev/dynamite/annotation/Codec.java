package dev.dynamite.annotation;

import dev.dynamite.spi.AttributeCodec;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Chooses the codec of one field explicitly; it wins over every provider and built-in codec.
 *
 * <pre>{@code
 * @Codec(MoneyCodec.class) public Money balance;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Codec {
    /**
     * Returns the codec class: public, with a public no-arg constructor.
     *
     * @return the codec class
     */
    Class<? extends AttributeCodec<?>> value();
}
