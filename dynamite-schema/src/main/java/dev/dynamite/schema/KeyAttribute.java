package dev.dynamite.schema;

import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * A key attribute of a table or index: its DynamoDB name and scalar type.
 *
 * @param name the attribute name as stored
 * @param type {@code S}, {@code N} or {@code B}
 */
public record KeyAttribute(String name, ScalarAttributeType type) {
    /**
     * Checks that no component is null.
     *
     * @param name the attribute name as stored
     * @param type {@code S}, {@code N} or {@code B}
     */
    public KeyAttribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    @Override
    public String toString() {
        return name + " (" + type + ")";
    }
}
