package dev.dynamite.spi;

import java.util.Optional;

/**
 * Checks a field's value before it is written, for {@link dev.dynamite.annotation.Validate @Validate}.
 *
 * <p>Validators run on create for every field and on update for the changed fields; they never run on items read from
 * the table, so a stored row that today's rule would reject still loads. They only see non-null values (use
 * {@link dev.dynamite.annotation.NotNull @NotNull} to refuse null). Implementations are public, have a public no-arg
 * constructor, and are thread-safe.
 *
 * <pre>{@code
 * public final class EmailValidator implements Validator<String> {
 *     public Optional<String> validate(String value) {
 *         return value.contains("@") ? Optional.empty() : Optional.of("not an e-mail address");
 *     }
 * }
 * }</pre>
 *
 * @param <T> the field's type
 */
@FunctionalInterface
public interface Validator<T> {

    /**
     * Checks a value.
     *
     * @param value the value, never null
     * @return empty if the value is valid, otherwise the message that becomes the text of the
     *     {@link dev.dynamite.api.ModelValidationException}
     */
    Optional<String> validate(T value);
}
