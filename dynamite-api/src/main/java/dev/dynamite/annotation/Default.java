package dev.dynamite.annotation;

import dev.dynamite.spi.ValueGenerator;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a field a value when an item is created and the field is null.
 *
 * <p>Either a constant, written as text and converted to the field's type when the model is first prepared (numbers,
 * booleans, enum constant names, UUIDs, ISO-8601 dates and times, strings as they are), or a
 * {@link dev.dynamite.spi.ValueGenerator} called on every create. Defaults are never applied to items read from the
 * table. The field must be able to hold null, so a primitive field cannot carry a default (declare {@code Integer}
 * rather than {@code int}).
 *
 * <pre>{@code
 * @PrimaryKey @Default(generator = UuidGenerator.class) public String id;
 * @Default("customer") public String role;
 * @Default("3") public Integer retries;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Default {
    /**
     * Returns the constant default, as text; ignored when {@link #generator()} is given.
     *
     * @return the text of the default value
     */
    String value() default "";

    /**
     * Returns the generator that produces the default value on each create.
     *
     * @return the generator class (public, with a public no-arg constructor); {@link None} for a constant default
     */
    Class<? extends ValueGenerator<?>> generator() default None.class;

    /** The marker for "no generator": the default is {@link #value()}. Never instantiated. */
    final class None implements ValueGenerator<Object> {
        private None() {
        }

        @Override
        public Object generate() {
            throw new UnsupportedOperationException("Default.None marks the absence of a generator");
        }
    }
}
