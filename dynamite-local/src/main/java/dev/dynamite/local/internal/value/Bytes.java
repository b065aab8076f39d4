package dev.dynamite.local.internal.value;

import java.util.Arrays;
import java.util.Base64;

/** An immutable byte string, ordered as DynamoDB orders binary values: by unsigned bytes. */
public final class Bytes implements Comparable<Bytes> {
    private final byte[] bytes;

    private Bytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Wraps a copy of the given bytes.
     *
     * @param bytes the bytes
     * @return the byte string
     */
    public static Bytes copyOf(byte[] bytes) {
        return new Bytes(bytes.clone());
    }

    /**
     * Decodes Base64 text, as binary values travel in the JSON protocol.
     *
     * @param base64 the text
     * @return the byte string
     * @throws IllegalArgumentException if the text is not Base64
     */
    public static Bytes fromBase64(String base64) {
        return new Bytes(Base64.getDecoder().decode(base64));
    }

    /**
     * Returns the Base64 text of these bytes.
     *
     * @return the text
     */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Returns a copy of the bytes.
     *
     * @return the bytes
     */
    public byte[] toArray() {
        return bytes.clone();
    }

    /**
     * Returns the number of bytes.
     *
     * @return the length
     */
    public int length() {
        return bytes.length;
    }

    /**
     * Tells whether these bytes start with the given ones.
     *
     * @param prefix the prefix
     * @return true if they do
     */
    public boolean startsWith(Bytes prefix) {
        return prefix.bytes.length <= bytes.length
                && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
    }

    /**
     * Tells whether the given bytes occur in these.
     *
     * @param part the bytes looked for
     * @return true if they occur
     */
    public boolean contains(Bytes part) {
        outer:
        for (int i = 0; i + part.bytes.length <= bytes.length; i++) {
            for (int j = 0; j < part.bytes.length; j++) {
                if (bytes[i + j] != part.bytes[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public int compareTo(Bytes other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return toBase64();
    }
}
