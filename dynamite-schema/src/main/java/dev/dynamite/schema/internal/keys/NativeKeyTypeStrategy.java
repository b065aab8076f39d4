package dev.dynamite.schema.internal.keys;

import dev.dynamite.spi.KeyTypeStrategy;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The {@code "native"} strategy: numeric keys are {@code N}, {@code byte[]} keys are {@code B}, every other key is
 * {@code S} as in the {@code "string"} strategy. Numeric keys then sort numerically in a Query.
 */
public final class NativeKeyTypeStrategy implements KeyTypeStrategy {
    /** The name this strategy is selected by. */
    public static final String NAME = "native";

    /** Creates the strategy; used by {@code ServiceLoader}. */
    public NativeKeyTypeStrategy() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<ScalarAttributeType> attributeType(Class<?> javaType) {
        if (KeyValues.isNumber(javaType)) {
            return Optional.of(ScalarAttributeType.N);
        }
        if (KeyValues.isBinary(javaType)) {
            return Optional.of(ScalarAttributeType.B);
        }
        return KeyValues.isText(javaType) ? Optional.of(ScalarAttributeType.S) : Optional.empty();
    }

    @Override
    public AttributeValue encode(Object value) {
        if (value instanceof Number number) {
            return AttributeValue.createN(KeyValues.numberText(number));
        }
        if (value instanceof byte[] bytes) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
        }
        return AttributeValue.createS(KeyValues.text(value));
    }

    @Override
    public Object decode(AttributeValue value, Class<?> javaType) {
        if (KeyValues.isNumber(javaType) && value.n() != null) {
            return KeyValues.parseNumber(value.n(), javaType);
        }
        if (KeyValues.isBinary(javaType) && value.b() != null) {
            return value.b().asByteArray();
        }
        if (value.s() == null) {
            throw new IllegalArgumentException("expected a key value for " + javaType.getName() + ", got " + value);
        }
        return KeyValues.parseText(value.s(), javaType);
    }

    @Override
    public int priority() {
        return -100;
    }
}
