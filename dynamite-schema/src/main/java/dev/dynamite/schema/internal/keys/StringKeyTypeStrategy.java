package dev.dynamite.schema.internal.keys;

import dev.dynamite.spi.KeyTypeStrategy;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The default strategy, {@code "string"}: every key attribute is {@code S}. Numbers are stored as their plain decimal
 * text, {@code byte[]} as Base64, enums by name, UUIDs and dates in their ISO form.
 */
public final class StringKeyTypeStrategy implements KeyTypeStrategy {
    /** The name this strategy is selected by. */
    public static final String NAME = "string";

    /** Creates the strategy; used by {@code ServiceLoader}. */
    public StringKeyTypeStrategy() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<ScalarAttributeType> attributeType(Class<?> javaType) {
        boolean supported = KeyValues.isText(javaType) || KeyValues.isNumber(javaType) || KeyValues.isBinary(javaType);
        return supported ? Optional.of(ScalarAttributeType.S) : Optional.empty();
    }

    @Override
    public AttributeValue encode(Object value) {
        return AttributeValue.createS(KeyValues.text(value));
    }

    @Override
    public Object decode(AttributeValue value, Class<?> javaType) {
        if (value.s() == null) {
            throw new IllegalArgumentException("expected an S key value, got " + value);
        }
        return KeyValues.parseText(value.s(), javaType);
    }

    @Override
    public int priority() {
        return -100;
    }
}
