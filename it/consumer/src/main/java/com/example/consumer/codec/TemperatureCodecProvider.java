package com.example.consumer.codec;

import dev.dynamite.spi.AttributeCodec;
import dev.dynamite.spi.CodecLookup;
import dev.dynamite.spi.CodecProvider;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stores a {@link Temperature} as a DynamoDB number; found by Dynamite through {@code provides}. */
public final class TemperatureCodecProvider implements CodecProvider {
    private static final AttributeCodec<Temperature> CODEC = new AttributeCodec<>() {
        @Override
        public AttributeValue encode(Temperature value) {
            return AttributeValue.fromN(value.celsius().toPlainString());
        }

        @Override
        public Temperature decode(AttributeValue value) {
            return new Temperature(new BigDecimal(value.n()));
        }
    };

    /** Creates the provider; ServiceLoader does. */
    public TemperatureCodecProvider() {
    }

    @Override
    public Optional<AttributeCodec<?>> codecFor(Type type, CodecLookup lookup) {
        return type == Temperature.class ? Optional.of(CODEC) : Optional.empty();
    }
}
