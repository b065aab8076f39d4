package dev.dynamite.core.internal.codec;

import dev.dynamite.spi.AttributeCodec;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
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
        // The SDK copies the map it is given (into a LinkedHashMap, in iteration order); handing it an encoding view
        // saves building a map only to be copied.
        return AttributeValue.createM(new Encoding<>(element, value));
    }

    @Override
    public Map<String, @Nullable V> decode(AttributeValue value) {
        BuiltInCodecs.expect(value, AttributeValue.Type.M, "Map");
        Map<String, AttributeValue> stored = value.m();
        Map<String, @Nullable V> decoded = new LinkedHashMap<>(capacity(stored.size()));
        for (Map.Entry<String, AttributeValue> entry : stored.entrySet()) {
            AttributeValue item = entry.getValue();
            decoded.put(entry.getKey(), BuiltInCodecs.isNull(item) ? null : element.decode(item));
        }
        return decoded;
    }

    /** The initial capacity of a hash map that holds {@code size} entries without resizing. */
    static int capacity(int size) {
        return (int) (size / 0.75f) + 1;
    }

    private static <V> AttributeValue encode(AttributeCodec<V> element, @Nullable V item) {
        return item == null ? BuiltInCodecs.NUL : element.encode(item);
    }

    /**
     * A read-only view of a map with its values encoded with a codec, each encoded when it is visited; made to be
     * copied once (by {@code AttributeValue.createM}).
     */
    private static final class Encoding<V> extends AbstractMap<String, AttributeValue> {
        private final AttributeCodec<V> element;
        private final Map<String, @Nullable V> values;

        Encoding(AttributeCodec<V> element, Map<String, @Nullable V> values) {
            this.element = element;
            this.values = values;
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super AttributeValue> action) {
            for (Map.Entry<String, @Nullable V> entry : values.entrySet()) {
                action.accept(entry.getKey(), encode(element, entry.getValue()));
            }
        }

        @Override
        public Set<Map.Entry<String, AttributeValue>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return values.size();
                }

                @Override
                public Iterator<Map.Entry<String, AttributeValue>> iterator() {
                    Iterator<Map.Entry<String, @Nullable V>> entries = values.entrySet().iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return entries.hasNext();
                        }

                        @Override
                        public Map.Entry<String, AttributeValue> next() {
                            Map.Entry<String, @Nullable V> entry = entries.next();
                            return new SimpleImmutableEntry<>(entry.getKey(), encode(element, entry.getValue()));
                        }
                    };
                }
            };
        }
    }
}
