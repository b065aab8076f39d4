package com.example.consumer.unopened;

import dev.dynamite.spi.Validator;
import java.util.Optional;

/** A validator in a closed package: only the generated code can construct it. */
public final class NotBlank implements Validator<String> {
    @Override
    public Optional<String> validate(String value) {
        return value.isBlank() ? Optional.of("must not be blank") : Optional.empty();
    }
}
