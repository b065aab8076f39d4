package dev.dynamite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Refuses to write an item whose field is null or, for a {@code String}, empty.
 *
 * <p>Checked on create and when the field changes; never on items read from the table. The message becomes the text
 * of the {@link dev.dynamite.api.ModelValidationException}, after the model and field names.
 *
 * <pre>{@code
 * @NotNull public String name;
 * @NotNull("an order needs a customer") public String userId;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface NotNull {
    /**
     * Returns the message of the validation error.
     *
     * @return the message
     */
    String value() default "must not be null or empty";
}
