package dev.dynamite.core.internal.codec;

import dev.dynamite.spi.AttributeCodec;
import java.time.Instant;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Calls of the common built-in scalar codecs without interface dispatch.
 *
 * <p>A mapper calls the codecs of all its fields from one place, where a call through {@link AttributeCodec} goes to
 * many classes and cannot be inlined. {@link #kind} classifies a codec once, when the mapper is built, and
 * {@link #encode} then calls the codec's own {@code encode} on its concrete class (the same code, so the same result
 * and errors), or through the interface for any other codec.
 */
public final class DirectCodecs {
    /** Any other codec: called through the interface. */
    public static final int OTHER = 0;
    private static final int STRING = 1;
    private static final int INSTANT = 2;
    private static final int NUMBER = 3;
    private static final int BOOLEAN = 4;

    private DirectCodecs() {
    }

    /**
     * Classifies a codec for {@link #encode}.
     *
     * @param codec a codec
     * @return its kind; {@link #OTHER} for a codec that is not one of the common built-in scalar codecs
     */
    public static int kind(AttributeCodec<?> codec) {
        Class<?> type = codec.getClass();
        if (type == ScalarCodecs.PlainStringCodec.class) {
            return STRING;
        } else if (type == InstantCodec.class) {
            return INSTANT;
        } else if (type == NumberCodec.class) {
            return NUMBER;
        } else if (type == ScalarCodecs.BooleanCodec.class) {
            return BOOLEAN;
        }
        return OTHER;
    }

    /**
     * Encodes a value with a codec, as {@code codec.encode(value)} does.
     *
     * @param kind the codec's {@link #kind}
     * @param codec the codec
     * @param value the value, not null
     * @return the attribute value
     */
    @SuppressWarnings("unchecked")
    public static AttributeValue encode(int kind, AttributeCodec<Object> codec, Object value) {
        switch (kind) {
            case STRING:
                return ((ScalarCodecs.PlainStringCodec) (AttributeCodec<?>) codec).encode((String) value);
            case INSTANT:
                return ((InstantCodec) (AttributeCodec<?>) codec).encode((Instant) value);
            case NUMBER:
                return ((NumberCodec<Number>) (AttributeCodec<?>) codec).encode((Number) value);
            case BOOLEAN:
                return ((ScalarCodecs.BooleanCodec) (AttributeCodec<?>) codec).encode((Boolean) value);
            default:
                return codec.encode(value);
        }
    }
}
