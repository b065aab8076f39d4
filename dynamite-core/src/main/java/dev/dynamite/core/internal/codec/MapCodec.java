package dev.dynamite.core.internal.codec;

import dev.dynamite.spi.AttributeCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code Map<String, V>} as {@code M}; decodes to a {@link LinkedHashMap}. A null value is stored as a {@code NULL}
 * attribute value and read back as null.
 */
final class MapCodec<V> implements AttributeCodec<Map<String, @Nullable V>> {
    private final AttributeCodec<V> element;

    MapCodec(AttributeCodec<V> element) {
        this.element = element;
    }

    @Override
    public AttributeValue encode(Map<String, @Nullable V> value) {
        Map<String, AttributeValue> encoded = new LinkedHashMap<>();
        for (Map.Entry<String, @Nullable V> entry : value.entrySet()) {
            V item = entry.getValue();
            encoded.put(entry.getKey(), item == null ? Attributes.NUL : element.encode(item));
        }
        return AttributeValue.fromM(encoded);
    }

    @Override
    public Map<String, @Nullable V> decode(AttributeValue value) {
        Attributes.expect(value, AttributeValue.Type.M, "Map");
        Map<String, @Nullable V> decoded = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> entry : value.m().entrySet()) {
            AttributeValue item = entry.getValue();
            decoded.put(entry.getKey(), Attributes.isNull(item) ? null : element.decode(item));
        }
        return decoded;
    }
}
