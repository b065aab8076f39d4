package dev.dynamite.core.internal.codec;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Checks of stored attribute types, with messages that name what was expected and what was found. */
final class Attributes {
    /** The {@code NULL} attribute value that stands for a null element of a list or map. */
    static final AttributeValue NUL = AttributeValue.fromNul(Boolean.TRUE);

    private Attributes() {
    }

    /** Throws unless the stored value has the expected DynamoDB type. */
    static void expect(AttributeValue value, AttributeValue.Type expected, String javaType) {
        AttributeValue.Type actual = value.type();
        if (actual != expected) {
            throw new IllegalArgumentException("expected a DynamoDB " + expected + " attribute for " + javaType
                    + " but the stored attribute is of type " + actual);
        }
    }

    static boolean isNull(AttributeValue value) {
        return value.type() == AttributeValue.Type.NUL;
    }
}
