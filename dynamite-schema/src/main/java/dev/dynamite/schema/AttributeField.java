package dev.dynamite.schema;

import java.util.Objects;

/**
 * One persisted field of a model: its Java name, its DynamoDB attribute name and its Java type.
 *
 * @param name the Java field name (what maps given to Dynamite are keyed by)
 * @param attributeName the attribute name stored in DynamoDB ({@code @Name}, else the field name)
 * @param type the field's declared type
 */
public record AttributeField(String name, String attributeName, Class<?> type) {
    /**
     * Checks that no component is null.
     *
     * @param name the Java field name (what maps given to Dynamite are keyed by)
     * @param attributeName the attribute name stored in DynamoDB ({@code @Name}, else the field name)
     * @param type the field's declared type
     */
    public AttributeField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(attributeName, "attributeName");
        Objects.requireNonNull(type, "type");
    }
}
