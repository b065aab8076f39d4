package dev.dynamite.core.internal.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A stored item packed into one byte array, and back. The state of an entity that cannot hold it itself outlives
 * the entity until a collection has found the entity gone (see {@link IdentityStates}), so the collector copies it
 * once: one array of bytes costs it one copy and nothing to trace, where the item as read costs it some sixty objects.
 * Unpacking gives an item equal to the one packed, in the same order.
 *
 * <p>The form: a count, then per attribute its name and its value. A value is a tag byte then its content: a string
 * and a number as a length and their UTF-8 bytes (DynamoDB holds no text that UTF-8 cannot), a binary as a length
 * and its bytes, the sets, lists and maps as a count and their members. Counts and lengths are written seven bits a
 * byte.
 */
final class PackedItems {
    private static final byte STRING = 'S';
    private static final byte NUMBER = 'N';
    private static final byte BINARY = 'B';
    private static final byte TRUE = 'T';
    private static final byte FALSE = 'F';
    private static final byte NULL = 'Z';
    private static final byte NOT_NULL = 'z';
    private static final byte STRINGS = 's';
    private static final byte NUMBERS = 'n';
    private static final byte BINARIES = 'b';
    private static final byte LIST = 'L';
    private static final byte MAP = 'M';

    private byte[] out;
    private int length;

    private PackedItems(int capacity) {
        this.out = new byte[capacity];
    }

    /**
     * Packs an item.
     *
     * @param item a stored item
     * @return its packed form, or null if it holds a value of a type this SDK does not know (kept as it is then)
     */
    static byte @Nullable [] pack(Map<String, AttributeValue> item) {
        PackedItems packer = new PackedItems(16 + 32 * item.size());
        packer.count(item.size());
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            packer.text(attribute.getKey());
            if (!packer.value(attribute.getValue())) {
                return null;
            }
        }
        return Arrays.copyOf(packer.out, packer.length);
    }

    /**
     * Unpacks an item.
     *
     * @param packed what {@link #pack} gave
     * @return the item (unmodifiable), equal to the one packed, in its order
     */
    static Map<String, AttributeValue> unpack(byte[] packed) {
        return Collections.unmodifiableMap(new Reader(packed).readMap());
    }

    private boolean value(AttributeValue value) {
        // by field, not by type(): no switch over the SDK's enum, whose switch-map class a cold read would load
        if (value.s() != null) {
            tagged(STRING, value.s());
        } else if (value.n() != null) {
            tagged(NUMBER, value.n());
        } else if (value.b() != null) {
            put(BINARY);
            bytes(value.b());
        } else if (value.bool() != null) {
            put(value.bool() ? TRUE : FALSE);
        } else if (value.nul() != null) {
            put(value.nul() ? NULL : NOT_NULL);
        } else if (value.hasSs()) {
            texts(STRINGS, value.ss());
        } else if (value.hasNs()) {
            texts(NUMBERS, value.ns());
        } else if (value.hasBs()) {
            put(BINARIES);
            count(value.bs().size());
            for (SdkBytes member : value.bs()) {
                bytes(member);
            }
        } else if (value.hasL()) {
            put(LIST);
            count(value.l().size());
            for (AttributeValue member : value.l()) {
                if (!value(member)) {
                    return false;
                }
            }
        } else if (value.hasM()) {
            put(MAP);
            count(value.m().size());
            for (Map.Entry<String, AttributeValue> member : value.m().entrySet()) {
                text(member.getKey());
                if (!value(member.getValue())) {
                    return false;
                }
            }
        } else {
            return false;
        }
        return true;
    }

    private void tagged(byte tag, String text) {
        put(tag);
        text(text);
    }

    private void texts(byte tag, List<String> texts) {
        put(tag);
        count(texts.size());
        for (String text : texts) {
            text(text);
        }
    }

    private void text(String text) {
        // ASCII, most text, is copied a char a byte; other text is written as its UTF-8 bytes
        int chars = text.length();
        int mark = length;
        count(chars);
        room(chars);
        byte[] bytes = out;
        int at = length;
        for (int i = 0; i < chars; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                length = mark;
                raw(text.getBytes(StandardCharsets.UTF_8));
                return;
            }
            bytes[at + i] = (byte) c;
        }
        length = at + chars;
    }

    private void bytes(SdkBytes bytes) {
        raw(bytes.asByteArrayUnsafe());
    }

    private void raw(byte[] content) {
        count(content.length);
        room(content.length);
        System.arraycopy(content, 0, out, length, content.length);
        length += content.length;
    }

    private void count(int count) {
        room(5);
        int rest = count;
        while (rest >= 0x80) {
            out[length++] = (byte) (0x80 | (rest & 0x7F));
            rest >>>= 7;
        }
        out[length++] = (byte) rest;
    }

    private void put(byte tag) {
        room(1);
        out[length++] = tag;
    }

    private void room(int more) {
        if (length + more > out.length) {
            out = Arrays.copyOf(out, Math.max(out.length * 2, length + more));
        }
    }

    /** Reads a packed item from its start. */
    private static final class Reader {
        private final byte[] packed;
        private int at;

        Reader(byte[] packed) {
            this.packed = packed;
        }

        Map<String, AttributeValue> readMap() {
            int count = readCount();
            Map<String, AttributeValue> map = new LinkedHashMap<>((int) (count / 0.75f) + 1);
            for (int i = 0; i < count; i++) {
                String name = readText();
                map.put(name, readValue());
            }
            return map;
        }

        private AttributeValue readValue() {
            byte tag = packed[at++];
            return switch (tag) {
                case STRING -> AttributeValue.fromS(readText());
                case NUMBER -> AttributeValue.fromN(readText());
                case BINARY -> AttributeValue.fromB(readBytes());
                case TRUE -> AttributeValue.fromBool(true);
                case FALSE -> AttributeValue.fromBool(false);
                case NULL -> AttributeValue.fromNul(true);
                case NOT_NULL -> AttributeValue.fromNul(false);
                case STRINGS -> AttributeValue.fromSs(readTexts());
                case NUMBERS -> AttributeValue.fromNs(readTexts());
                case BINARIES -> {
                    int count = readCount();
                    List<SdkBytes> members = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        members.add(readBytes());
                    }
                    yield AttributeValue.fromBs(members);
                }
                case LIST -> {
                    int count = readCount();
                    List<AttributeValue> members = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        members.add(readValue());
                    }
                    yield AttributeValue.fromL(members);
                }
                case MAP -> AttributeValue.fromM(readMap());
                default -> throw new IllegalStateException("a packed item holds the unknown tag " + tag + " at "
                        + (at - 1));
            };
        }

        private List<String> readTexts() {
            int count = readCount();
            List<String> texts = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                texts.add(readText());
            }
            return texts;
        }

        private String readText() {
            int length = readCount();
            String text = new String(packed, at, length, StandardCharsets.UTF_8);
            at += length;
            return text;
        }

        private SdkBytes readBytes() {
            int length = readCount();
            byte[] content = Arrays.copyOfRange(packed, at, at + length);
            at += length;
            return SdkBytes.fromByteArrayUnsafe(content);
        }

        private int readCount() {
            int count = 0;
            int shift = 0;
            byte b = packed[at++];
            while (b < 0) {
                count |= (b & 0x7F) << shift;
                shift += 7;
                b = packed[at++];
            }
            return count | (b << shift);
        }
    }
}
