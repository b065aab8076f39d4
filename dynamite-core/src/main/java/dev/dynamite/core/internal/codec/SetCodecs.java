package dev.dynamite.core.internal.codec;

import dev.dynamite.spi.AttributeCodec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Sets: {@code Set<String>} as {@code SS}, sets of numbers as {@code NS}, {@code Set<byte[]>} as {@code BS}, other
 * sets as {@code L}; all decode to a {@link LinkedHashSet}.
 *
 * <p>DynamoDB rejects empty {@code SS}/{@code NS}/{@code BS} values, so those codecs throw
 * {@link IllegalArgumentException} ({@value #EMPTY}) for an empty set; whether to leave the attribute out instead is
 * the mapper's decision. Those sets cannot hold null either. A set stored as {@code L} may be empty and may hold null.
 */
final class SetCodecs {
    static final String EMPTY = "DynamoDB cannot store an empty set";

    static final AttributeCodec<Set<String>> STRING_SET = new StringSetCodec();
    static final AttributeCodec<Set<byte[]>> BINARY_SET = new BinarySetCodec();

    private SetCodecs() {
    }

    /**
     * Checks that every element is of the set's element type: generics are erased, so a {@code Set.of(1, 2)} can
     * reach a {@code Set<String>} field, and the SDK would only fail on it while sending.
     */
    private static void checkElements(Set<?> value, Class<?> element, String setType) {
        for (Object item : value) {
            if (item != null && !element.isInstance(item)) {
                throw new IllegalArgumentException("a " + setType + " cannot hold " + item + " ("
                        + item.getClass().getSimpleName() + ")");
            }
        }
    }

    private static void checkStorable(Set<?> value) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException(EMPTY);
        }
        for (Object item : value) {
            if (item == null) {
                throw new IllegalArgumentException("a DynamoDB set cannot hold null");
            }
        }
    }

    private static final class StringSetCodec implements AttributeCodec<Set<String>> {
        @Override
        public AttributeValue encode(Set<String> value) {
            checkStorable(value);
            checkElements(value, String.class, "Set<String>");
            return AttributeValue.createSs(new ArrayList<>(value));
        }

        @Override
        public Set<String> decode(AttributeValue value) {
            BuiltInCodecs.expect(value, AttributeValue.Type.SS, "Set<String>");
            return new LinkedHashSet<>(value.ss());
        }
    }

    private static final class BinarySetCodec implements AttributeCodec<Set<byte[]>> {
        @Override
        public AttributeValue encode(Set<byte[]> value) {
            checkStorable(value);
            checkElements(value, byte[].class, "Set<byte[]>");
            List<SdkBytes> encoded = new ArrayList<>(value.size());
            for (byte[] item : value) {
                encoded.add(SdkBytes.fromByteArray(item));
            }
            return AttributeValue.createBs(encoded);
        }

        @Override
        public Set<byte[]> decode(AttributeValue value) {
            BuiltInCodecs.expect(value, AttributeValue.Type.BS, "Set<byte[]>");
            Set<byte[]> decoded = new LinkedHashSet<>();
            for (SdkBytes item : value.bs()) {
                decoded.add(item.asByteArray());
            }
            return decoded;
        }
    }

    /** A set of numbers as {@code NS}. */
    static final class NumberSetCodec<N extends Number> implements AttributeCodec<Set<N>> {
        private final NumberCodec<N> element;

        NumberSetCodec(NumberCodec<N> element) {
            this.element = element;
        }

        @Override
        public AttributeValue encode(Set<N> value) {
            checkStorable(value);
            List<String> encoded = new ArrayList<>(value.size());
            for (N item : value) {
                encoded.add(element.text(item));
            }
            return AttributeValue.createNs(encoded);
        }

        @Override
        public Set<N> decode(AttributeValue value) {
            BuiltInCodecs.expect(value, AttributeValue.Type.NS, "Set<" + element + ">");
            Set<N> decoded = new LinkedHashSet<>();
            for (String item : value.ns()) {
                decoded.add(element.parse(item));
            }
            return decoded;
        }
    }

    /** Any other set as {@code L}, elements through their own codec. */
    static final class ListSetCodec<E> implements AttributeCodec<Set<@Nullable E>> {
        private final AttributeCodec<E> element;

        ListSetCodec(AttributeCodec<E> element) {
            this.element = element;
        }

        @Override
        public AttributeValue encode(Set<@Nullable E> value) {
            return AttributeValue.createL(ListCodec.encodeAll(element, value));
        }

        @Override
        public Set<@Nullable E> decode(AttributeValue value) {
            BuiltInCodecs.expect(value, AttributeValue.Type.L, "Set");
            return new LinkedHashSet<>(ListCodec.decodeAll(element, value.l()));
        }
    }
}
