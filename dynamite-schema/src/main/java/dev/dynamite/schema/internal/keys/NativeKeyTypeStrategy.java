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

    /** Creates the strategy; {@link dev.dynamite.schema.KeyTypeStrategies} makes the bundled strategies. */
    public NativeKeyTypeStrategy() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<ScalarAttributeType> attributeType(Class<?> javaType) {
        if (StringKeyTypeStrategy.isNumber(javaType)) {
            return Optional.of(ScalarAttributeType.N);
        }
        if (StringKeyTypeStrategy.isBinary(javaType)) {
            return Optional.of(ScalarAttributeType.B);
        }
        return StringKeyTypeStrategy.isText(javaType) ? Optional.of(ScalarAttributeType.S) : Optional.empty();
    }

    @Override
    public AttributeValue encode(Object value) {
        if (value instanceof Number number) {
            return AttributeValue.createN(StringKeyTypeStrategy.numberText(number));
        }
        if (value instanceof byte[] bytes) {
            return AttributeValue.fromB(SdkBytes.fromByteArray(bytes));
        }
        return AttributeValue.createS(StringKeyTypeStrategy.text(value));
    }

    @Override
    public Object decode(AttributeValue value, Class<?> javaType) {
        if (StringKeyTypeStrategy.isNumber(javaType) && value.n() != null) {
            return StringKeyTypeStrategy.parseNumber(value.n(), javaType);
        }
        if (StringKeyTypeStrategy.isBinary(javaType) && value.b() != null) {
            return value.b().asByteArray();
        }
        if (value.s() == null) {
            throw new IllegalArgumentException("expected a key value for " + javaType.getName() + ", got " + value);
        }
        return StringKeyTypeStrategy.parseText(value.s(), javaType);
    }

    @Override
    public int priority() {
        return -100;
    }
}
