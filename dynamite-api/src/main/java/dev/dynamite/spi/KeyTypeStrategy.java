package dev.dynamite.spi;

import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Decides how key attributes are typed and encoded in DynamoDB: the type in the table's key schema ({@code S},
 * {@code N} or {@code B}) and the {@link AttributeValue} of a key value.
 *
 * <p>Dynamite bundles two strategies: {@code "string"} (the default; every key attribute is {@code S}, numbers are
 * stored as their decimal string) and {@code "native"} (numbers are {@code N}, {@code byte[]} is {@code B}). Choose one
 * with {@code DynamiteConfig.builder().keyTypeStrategy("native")} or pass an instance.
 *
 * <p>To add one, implement this interface and register it with {@code provides dev.dynamite.spi.KeyTypeStrategy with
 * your.Strategy;} (and in {@code META-INF/services} for the class path). Implementations have a public no-arg
 * constructor and are immutable and thread-safe. When two discovered strategies share a name, the one with the higher
 * {@link #priority()} wins; a strategy instance given to the configuration wins over every discovered one.
 */
public interface KeyTypeStrategy {

    /**
     * Returns the name this strategy is selected by.
     *
     * @return a short, lower-case name such as {@code "string"}
     */
    String name();

    /**
     * Returns the DynamoDB type of a key attribute whose Java field has the given type.
     *
     * @param javaType the field's type (primitives included)
     * @return the scalar type, or empty when this strategy cannot store keys of that type
     */
    Optional<ScalarAttributeType> attributeType(Class<?> javaType);

    /**
     * Encodes a key value for a request.
     *
     * @param value a non-null value of a type for which {@link #attributeType} is present
     * @return the attribute value, of the type {@link #attributeType} gives for {@code value}'s class
     * @throws IllegalArgumentException if the value's type is not supported
     */
    AttributeValue encode(Object value);

    /**
     * Decodes a stored key value back to the field's Java type.
     *
     * @param value the attribute value read from DynamoDB
     * @param javaType the field's type
     * @return the Java value
     * @throws IllegalArgumentException if the value cannot be read as {@code javaType}
     */
    Object decode(AttributeValue value, Class<?> javaType);

    /**
     * Returns this strategy's priority among discovered strategies of the same name; higher wins.
     *
     * @return the priority; {@code 0} by default, the bundled strategies use {@code -100}
     */
    default int priority() {
        return 0;
    }
}
