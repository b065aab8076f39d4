package dev.dynamite.api;

import dev.dynamite.spi.ValueGenerator;
import java.util.UUID;

/**
 * Generates random (version 4) UUIDs as strings, such as {@code "3f0c2a4e-9b1d-4c55-8f6e-1a2b3c4d5e6f"}; for a
 * {@link UUID} field the string is converted back. Thread-safe.
 *
 * <pre>{@code
 * @PrimaryKey @Default(generator = UuidGenerator.class) public String id;
 * }</pre>
 */
public final class UuidGenerator implements ValueGenerator<String> {

    /** Creates the generator. */
    public UuidGenerator() {
    }

    @Override
    public String generate() {
        return UUID.randomUUID().toString();
    }
}
