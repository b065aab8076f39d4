package dev.dynamite.examples.money;

import dev.dynamite.spi.AttributeCodec;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stores {@link Money} as one string attribute, {@code "12.50 EUR"}, readable in the console and sortable by text. */
public final class MoneyCodec implements AttributeCodec<Money> {
    @Override
    public AttributeValue encode(Money value) {
        return AttributeValue.fromS(value.toString());
    }

    @Override
    public Money decode(AttributeValue value) {
        if (value.s() == null) {
            throw new IllegalArgumentException("money is stored as a string, found " + value.type());
        }
        return Money.parse(value.s());
    }
}
