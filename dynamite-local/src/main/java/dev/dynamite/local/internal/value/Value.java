package dev.dynamite.local.internal.value;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A DynamoDB attribute value, immutable. Numbers are kept as normalized {@link BigDecimal}s (no trailing zeros), so
 * equal numbers are equal values whatever their spelling; sets keep their insertion order.
 */
public sealed interface Value {

    /**
     * Returns the DynamoDB type descriptor.
     *
     * @return {@code S}, {@code N}, {@code B}, {@code BOOL}, {@code NULL}, {@code SS}, {@code NS}, {@code BS},
     *     {@code L} or {@code M}
     */
    String type();

    /**
     * Returns the size DynamoDB counts for this value (without the attribute name).
     *
     * @return the size in bytes
     */
    int size();

    /** A string. @param value the text */
    record S(String value) implements Value {
        public S {
            Objects.requireNonNull(value);
        }

        @Override
        public String type() {
            return "S";
        }

        @Override
        public int size() {
            return utf8Length(value);
        }
    }

    /** A number, normalized. @param value the number */
    record N(BigDecimal value) implements Value {
        public N {
            value = normalize(value);
        }

        /**
         * Returns the number as DynamoDB prints it: plain decimal text, no trailing zeros.
         *
         * @return the text
         */
        public String text() {
            return value.toPlainString();
        }

        @Override
        public String type() {
            return "N";
        }

        @Override
        public int size() {
            // DynamoDB: about 1 byte per 2 significant digits, plus 1
            return (value.precision() + 1) / 2 + 1;
        }
    }

    /** A binary value. @param value the bytes */
    record B(Bytes value) implements Value {
        public B {
            Objects.requireNonNull(value);
        }

        @Override
        public String type() {
            return "B";
        }

        @Override
        public int size() {
            return value.length();
        }
    }

    /** A boolean. @param value the boolean */
    record Bool(boolean value) implements Value {
        @Override
        public String type() {
            return "BOOL";
        }

        @Override
        public int size() {
            return 1;
        }
    }

    /** The NULL value. */
    record Null() implements Value {
        @Override
        public String type() {
            return "NULL";
        }

        @Override
        public int size() {
            return 1;
        }
    }

    /** A string set. @param values the strings, non-empty, distinct */
    record SS(Set<String> values) implements Value {
        public SS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        @Override
        public String type() {
            return "SS";
        }

        @Override
        public int size() {
            return values.stream().mapToInt(Value::utf8Length).sum();
        }
    }

    /** A number set. @param values the numbers, non-empty, distinct */
    record NS(Set<BigDecimal> values) implements Value {
        public NS {
            LinkedHashSet<BigDecimal> normalized = new LinkedHashSet<>();
            values.forEach(v -> normalized.add(normalize(v)));
            values = Collections.unmodifiableSet(normalized);
        }

        @Override
        public String type() {
            return "NS";
        }

        @Override
        public int size() {
            return values.stream().mapToInt(v -> new N(v).size()).sum();
        }
    }

    /** A binary set. @param values the byte strings, non-empty, distinct */
    record BS(Set<Bytes> values) implements Value {
        public BS {
            values = Collections.unmodifiableSet(new LinkedHashSet<>(values));
        }

        @Override
        public String type() {
            return "BS";
        }

        @Override
        public int size() {
            return values.stream().mapToInt(Bytes::length).sum();
        }
    }

    /** A list. @param values the elements */
    record L(List<Value> values) implements Value {
        public L {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "L";
        }

        @Override
        public int size() {
            return 3 + values.stream().mapToInt(v -> 1 + v.size()).sum();
        }
    }

    /** A map. @param values the entries, in insertion order */
    record M(Map<String, Value> values) implements Value {
        public M {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        @Override
        public String type() {
            return "M";
        }

        @Override
        public int size() {
            return 3 + values.entrySet().stream().mapToInt(e -> utf8Length(e.getKey()) + 1 + e.getValue().size()).sum();
        }
    }

    /**
     * Returns the number without trailing zeros (and zero as {@code 0}), the form every number is kept in.
     *
     * @param number a number
     * @return its normalized form
     */
    static BigDecimal normalize(BigDecimal number) {
        BigDecimal stripped = number.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * Returns the UTF-8 length of a string without encoding it.
     *
     * @param text the text
     * @return its length in bytes
     */
    static int utf8Length(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length++;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                length += 4;
                i++;
            } else {
                length += 3;
            }
        }
        return length;
    }

    /**
     * Returns the size of an item as DynamoDB counts it: attribute names plus values.
     *
     * @param item the item
     * @return the size in bytes
     */
    static int itemSize(Map<String, Value> item) {
        int size = 0;
        for (Map.Entry<String, Value> e : item.entrySet()) {
            size += utf8Length(e.getKey()) + e.getValue().size();
        }
        return size;
    }

    /**
     * Compares two scalar values of the same type the way DynamoDB orders keys: S by UTF-8 bytes, N numerically,
     * B by unsigned bytes.
     *
     * @param a a value of type S, N or B
     * @param b a value of the same type
     * @return negative, zero or positive
     * @throws IllegalArgumentException if the types differ or are not scalar
     */
    static int compareScalars(Value a, Value b) {
        if (a instanceof S x && b instanceof S y) {
            return compareUtf8(x.value(), y.value());
        }
        if (a instanceof N x && b instanceof N y) {
            return x.value().compareTo(y.value());
        }
        if (a instanceof B x && b instanceof B y) {
            return x.value().compareTo(y.value());
        }
        throw new IllegalArgumentException("not comparable: " + a.type() + " and " + b.type());
    }

    /**
     * Compares two strings by their UTF-8 bytes (which differs from {@link String#compareTo} for characters outside
     * the Basic Multilingual Plane).
     *
     * @param a a string
     * @param b a string
     * @return negative, zero or positive
     */
    static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean xs = Character.isSurrogate(x);
                boolean ys = Character.isSurrogate(y);
                if (xs == ys) {
                    return Character.compare(x, y);
                }
                // a surrogate pair encodes U+10000 and up, which sorts after every BMP character in UTF-8
                return xs ? 1 : -1;
            }
        }
        return a.length() - b.length();
    }

    /**
     * Returns the UTF-8 bytes of a string.
     *
     * @param text the text
     * @return the bytes
     */
    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
