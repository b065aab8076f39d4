package dev.dynamite.core.internal.codec;

import dev.dynamite.spi.AttributeCodec;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
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
        // The SDK copies the list it is given; handing it an encoding view saves building a list only to be copied.
        return AttributeValue.createL(new Encoding<>(element, value));
    }

    @Override
    public List<@Nullable E> decode(AttributeValue value) {
        BuiltInCodecs.expect(value, AttributeValue.Type.L, "List");
        return decodeAll(element, value.l());
    }

    static <E> List<AttributeValue> encodeAll(AttributeCodec<E> element, Collection<@Nullable E> values) {
        List<AttributeValue> encoded = new ArrayList<>(values.size());
        for (E item : values) {
            encoded.add(encode(element, item));
        }
        return encoded;
    }

    static <E> List<@Nullable E> decodeAll(AttributeCodec<E> element, List<AttributeValue> values) {
        List<@Nullable E> decoded = new ArrayList<>(values.size());
        for (AttributeValue item : values) {
            decoded.add(BuiltInCodecs.isNull(item) ? null : element.decode(item));
        }
        return decoded;
    }

    private static <E> AttributeValue encode(AttributeCodec<E> element, @Nullable E item) {
        return item == null ? BuiltInCodecs.NUL : element.encode(item);
    }

    /**
     * A read-only view of a collection's elements encoded with a codec, each encoded when it is visited; made to be
     * copied once (by {@code AttributeValue.createL}).
     */
    private static final class Encoding<E> extends AbstractList<AttributeValue> {
        private final AttributeCodec<E> element;
        private final Collection<@Nullable E> values;

        Encoding(AttributeCodec<E> element, Collection<@Nullable E> values) {
            this.element = element;
            this.values = values;
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public AttributeValue get(int index) {
            if (values instanceof List<?>) {
                return encode(element, ((List<@Nullable E>) values).get(index));
            }
            if (index < 0 || index >= values.size()) {
                throw new IndexOutOfBoundsException(index);
            }
            Iterator<@Nullable E> items = values.iterator();
            for (int i = 0; i < index; i++) {
                items.next();
            }
            return encode(element, items.next());
        }

        @Override
        public void forEach(Consumer<? super AttributeValue> action) {
            for (E item : values) {
                action.accept(encode(element, item));
            }
        }

        @Override
        public Iterator<AttributeValue> iterator() {
            Iterator<@Nullable E> items = values.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return items.hasNext();
                }

                @Override
                public AttributeValue next() {
                    return encode(element, items.next());
                }
            };
        }
    }
}
