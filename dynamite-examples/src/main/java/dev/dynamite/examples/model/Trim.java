package dev.dynamite.examples.model;

import dev.dynamite.spi.Transform;

/** Strips leading and trailing white space before a value is written. */
public final class Trim implements Transform<String> {
    @Override
    public String apply(String value) {
        return value.strip();
    }
}
