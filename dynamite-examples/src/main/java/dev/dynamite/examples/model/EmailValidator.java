package dev.dynamite.examples.model;

import dev.dynamite.spi.Validator;
import java.util.Optional;

/** Refuses text that cannot be an e-mail address. */
public final class EmailValidator implements Validator<String> {
    @Override
    public Optional<String> validate(String value) {
        int at = value.indexOf('@');
        return at > 0 && value.indexOf('.', at) > at + 1 ? Optional.empty()
                : Optional.of("'" + value + "' is not an e-mail address");
    }
}
