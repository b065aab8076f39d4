package dev.dynamite.examples.money;

import dev.dynamite.spi.AttributeCodec;
import dev.dynamite.spi.CodecLookup;
import dev.dynamite.spi.CodecProvider;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * Supplies {@link MoneyCodec} for {@link Money} fields. Registered with {@code provides} in module-info (module path)
 * and in {@code META-INF/services} (class path); Dynamite finds it with {@code ServiceLoader}.
 */
public final class MoneyCodecProvider implements CodecProvider {
    private static final MoneyCodec CODEC = new MoneyCodec();

    /** Creates the provider; {@code ServiceLoader} does. */
    public MoneyCodecProvider() {
    }

    @Override
    public Optional<AttributeCodec<?>> codecFor(Type type, CodecLookup lookup) {
        return type == Money.class ? Optional.of(CODEC) : Optional.empty();
    }
}
