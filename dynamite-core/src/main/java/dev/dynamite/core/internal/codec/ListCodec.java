package dev.dynamite.core.internal.codec;

import dev.dynamite.spi.AttributeCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code List<E>} and {@code Collection<E>} as {@code L}; decodes to an {@link ArrayList}. A null element is stored as
 * a {@code NULL} attribute value and read back as null.
 */
final class ListCodec<E> implements AttributeCodec<Collection<@Nullable E>> {
    private final AttributeCodec<E> element;

    ListCodec(AttributeCodec<E> element) {
        this.element = element;
    }

    @Override
    public AttributeValue encode(Collection<@Nullable E> value) {
        return AttributeValue.fromL(encodeAll(element, value));
    }

    @Override
    public List<@Nullable E> decode(AttributeValue value) {
        Attributes.expect(value, AttributeValue.Type.L, "List");
        return decodeAll(element, value.l());
    }

    static <E> List<AttributeValue> encodeAll(AttributeCodec<E> element, Collection<@Nullable E> values) {
        List<AttributeValue> encoded = new ArrayList<>(values.size());
        for (E item : values) {
            encoded.add(item == null ? Attributes.NUL : element.encode(item));
        }
        return encoded;
    }

    static <E> List<@Nullable E> decodeAll(AttributeCodec<E> element, List<AttributeValue> values) {
        List<@Nullable E> decoded = new ArrayList<>(values.size());
        for (AttributeValue item : values) {
            decoded.add(Attributes.isNull(item) ? null : element.decode(item));
        }
        return decoded;
    }
}
