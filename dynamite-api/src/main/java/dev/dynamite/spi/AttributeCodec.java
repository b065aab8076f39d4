package dev.dynamite.spi;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts one Java type to and from a DynamoDB {@link AttributeValue}.
 *
 * <p>Codecs never see {@code null}: a null field is left out of the item (or removed by an update), and an absent
 * attribute leaves the field at its default. Implementations are immutable and thread-safe. A codec is chosen per
 * field, in this order: the field's {@code @Codec}, then codecs of {@link CodecProvider}s found with
 * {@link java.util.ServiceLoader} (highest {@link CodecProvider#priority()} first), then Dynamite's built-in codecs.
 *
 * <pre>{@code
 * public final class MoneyCodec implements AttributeCodec<Money> {
 *     public AttributeValue encode(Money m) { return AttributeValue.fromS(m.currency() + " " + m.amount()); }
 *     public Money decode(AttributeValue v) { return Money.parse(v.s()); }
 * }
 * }</pre>
 *
 * @param <T> the Java type
 */
public interface AttributeCodec<T> {

    /**
     * Converts a Java value to an attribute value.
     *
     * @param value the value, never null
     * @return the attribute value; never null
     * @throws IllegalArgumentException if the value cannot be stored (Dynamite reports it with model and field)
     */
    AttributeValue encode(T value);

    /**
     * Converts a stored attribute value back to the Java type.
     *
     * @param value the stored value, never null and never {@code NULL}-typed
     * @return the Java value
     * @throws IllegalArgumentException if the stored value has another type (Dynamite reports it with model, field
     *     and the stored type)
     */
    T decode(AttributeValue value);
}
