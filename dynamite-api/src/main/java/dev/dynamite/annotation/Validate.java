package dev.dynamite.annotation;

import dev.dynamite.spi.Validator;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Checks a field's value with one or more {@link Validator}s before it is written.
 *
 * <p>Validators run in the order given, on create and when the field changes, after the write transforms
 * ({@link Set}, {@link Mutate}); null values skip them. The first failure aborts the write with a
 * {@link dev.dynamite.api.ModelValidationException} whose text names model and field and ends with the validator's
 * message. Items read from the table are never validated.
 *
 * <pre>{@code
 * @Validate({NotBlank.class, EmailValidator.class}) public String email;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Validate {
    /**
     * Returns the validator classes, each public with a public no-arg constructor.
     *
     * @return the validators, in the order they run
     */
    Class<? extends Validator<?>>[] value();
}
