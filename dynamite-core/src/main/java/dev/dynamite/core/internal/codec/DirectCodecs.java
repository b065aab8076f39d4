package dev.dynamite.core.internal.codec;

import dev.dynamite.spi.AttributeCodec;
import java.math.BigDecimal;
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
    private static final int INTEGER = 3;
    private static final int LONG = 4;
    private static final int DOUBLE = 5;
    private static final int BIG_DECIMAL = 6;
    private static final int BOOLEAN = 7;

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
        } else if (type == ScalarCodecs.InstantCodec.class) {
            return INSTANT;
        } else if (type == NumberCodec.IntegerCodec.class) {
            return INTEGER;
        } else if (type == NumberCodec.LongCodec.class) {
            return LONG;
        } else if (type == NumberCodec.DoubleCodec.class) {
            return DOUBLE;
        } else if (type == NumberCodec.BigDecimalCodec.class) {
            return BIG_DECIMAL;
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
    public static AttributeValue encode(int kind, AttributeCodec<Object> codec, Object value) {
        switch (kind) {
            case STRING:
                return ((ScalarCodecs.PlainStringCodec) (AttributeCodec<?>) codec).encode((String) value);
            case INSTANT:
                return ((ScalarCodecs.InstantCodec) (AttributeCodec<?>) codec).encode((Instant) value);
            case INTEGER:
                return ((NumberCodec.IntegerCodec) (AttributeCodec<?>) codec).encode((Integer) value);
            case LONG:
                return ((NumberCodec.LongCodec) (AttributeCodec<?>) codec).encode((Long) value);
            case DOUBLE:
                return ((NumberCodec.DoubleCodec) (AttributeCodec<?>) codec).encode((Double) value);
            case BIG_DECIMAL:
                return ((NumberCodec.BigDecimalCodec) (AttributeCodec<?>) codec).encode((BigDecimal) value);
            case BOOLEAN:
                return ((ScalarCodecs.BooleanCodec) (AttributeCodec<?>) codec).encode((Boolean) value);
            default:
                return codec.encode(value);
        }
    }
}
