package dev.dynamite.core.internal.write;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB's limits on what one item may hold, checked before a request so that the error names the model and field
 * instead of coming back as the SDK's {@code ValidationException}. Sizes follow DynamoDB's documented item-size
 * rules: attribute names and string values count their UTF-8 bytes, binaries their bytes, a number about one byte
 * per two significant digits plus one, {@code BOOL} and {@code NULL} one byte, a list or map three bytes plus one
 * per element plus its elements (and a map its keys).
 */
public final class Limits {
    /** The largest item DynamoDB stores: 400 KB, names and values included. */
    public static final long MAX_ITEM_BYTES = 400 * 1024;
    /** The longest string or binary partition key value, in bytes. */
    public static final int MAX_PARTITION_KEY_BYTES = 2048;
    /** The longest string or binary sort key value, in bytes. */
    public static final int MAX_SORT_KEY_BYTES = 1024;

    private Limits() {
    }

    /**
     * Returns the size of an item as DynamoDB counts it.
     *
     * @param item the attributes
     * @return the size in bytes
     */
    public static long itemBytes(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + valueBytes(attribute.getValue());
        }
        return size;
    }

    /**
     * Returns what is wrong with a key value, or null if DynamoDB accepts its length.
     *
     * @param value the encoded key value
     * @param partition true for a partition key, false for a sort key
     * @return the problem, or null
     */
    public static @Nullable String keyProblem(AttributeValue value, boolean partition) {
        long length;
        if (value.s() != null) {
            length = utf8(value.s());
        } else if (value.b() != null) {
            length = value.b().asByteArrayUnsafe().length;
        } else {
            return null;
        }
        int max = partition ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES;
        if (length == 0) {
            return "is empty; DynamoDB needs a " + (partition ? "partition" : "sort") + " key of 1 to " + max
                    + " bytes";
        }
        if (length > max) {
            return "is " + length + " bytes long; DynamoDB allows at most " + max + " bytes for a "
                    + (partition ? "partition" : "sort") + " key";
        }
        return null;
    }

    private static long valueBytes(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        }
        if (value.n() != null) {
            return numberBytes(value.n());
        }
        if (value.b() != null) {
            return value.b().asByteArrayUnsafe().length;
        }
        if (value.bool() != null || value.nul() != null) {
            return 1;
        }
        if (value.hasSs()) {
            return value.ss().stream().mapToLong(Limits::utf8).sum();
        }
        if (value.hasNs()) {
            return value.ns().stream().mapToLong(Limits::numberBytes).sum();
        }
        if (value.hasBs()) {
            return value.bs().stream().mapToLong(b -> b.asByteArrayUnsafe().length).sum();
        }
        if (value.hasL()) {
            List<AttributeValue> list = value.l();
            long size = 3 + list.size();
            for (AttributeValue element : list) {
                size += valueBytes(element);
            }
            return size;
        }
        if (value.hasM()) {
            Map<String, AttributeValue> map = value.m();
            long size = 3 + map.size();
            for (Map.Entry<String, AttributeValue> entry : map.entrySet()) {
                size += utf8(entry.getKey()) + valueBytes(entry.getValue());
            }
            return size;
        }
        return 0;
    }

    private static long numberBytes(String number) {
        BigDecimal value = new BigDecimal(number).stripTrailingZeros();
        int digits = value.signum() == 0 ? 1 : value.precision();
        return (digits + 1) / 2 + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
