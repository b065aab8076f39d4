package dev.dynamite.core.internal.query;

import dev.dynamite.api.InvalidCursorException;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cursors of paged queries: an opaque, URL-safe, versioned string that holds where the last item of a page stands
 * (its position attributes, the {@code ExclusiveStartKey} of the next read) and a fingerprint of the query that made
 * it, sealed with a checksum or, given a key, an HMAC-SHA256. Decoding checks everything before any request: the
 * encoding, the version, the seal, the query's fingerprint and the position's attributes and types.
 *
 * <p>Layout, before URL-safe Base64 without padding: version (1 byte), sealed-by (1 byte: 0 checksum, 1 HMAC),
 * fingerprint (16 bytes), segment count (1 byte: 1, or the segments of a parallel scan), then per segment its state
 * (1 byte: 0 not started, 1 resumes after a position, 2 done) and, when it resumes, the attribute count (1 byte) and
 * per attribute its name (modified UTF-8), its type ({@code S}, {@code N} or {@code B}) and its value (modified UTF-8,
 * or a length and the bytes); then the seal (8 bytes of SHA-256, or the 32 bytes of the HMAC) over everything before.
 */
final class Cursors {
    static final int VERSION = 1;
    private static final int FINGERPRINT_BYTES = 16;
    private static final int CHECKSUM_BYTES = 8;
    private static final int HMAC_BYTES = 32;
    /** Far above any real position (at most four key attributes of at most 2 KB each), far below abuse. */
    private static final int MAX_CURSOR_CHARS = 16_384;

    private Cursors() {
    }

    /**
     * Where one segment of a read stands.
     *
     * @param done whether the segment was read to its end
     * @param after the position to resume after, or null when the segment was not started (or is done)
     */
    record Position(boolean done, @Nullable Map<String, AttributeValue> after) {
        static final Position START = new Position(false, null);
        static final Position DONE = new Position(true, null);

        static Position after(Map<String, AttributeValue> position) {
            return new Position(false, position);
        }
    }

    /**
     * The fingerprint of a query's shape: everything that decides which items it reads and in what order, so that a
     * cursor resumes only the query that made it. The page size is not part of it.
     */
    static byte[] fingerprint(Class<?> model, Plan plan) {
        return fingerprint(model, plan, 1);
    }

    /** The fingerprint of a query read in {@code segments} parallel segments (1 for one read). */
    static byte[] fingerprint(Class<?> model, Plan plan, int segments) {
        StringBuilder shape = new StringBuilder();
        shape.append(model.getName()).append('\n').append(plan.operation()).append('\n').append(plan.table())
                .append('\n').append(plan.index()).append('\n').append(plan.keyCondition()).append('\n')
                .append(plan.filter()).append('\n').append(plan.projection()).append('\n')
                .append(plan.names() == null ? "" : new TreeMap<>(plan.names())).append('\n');
        if (plan.values() != null) {
            new TreeMap<>(plan.values()).forEach((name, value) -> shape.append(name).append('=').append(value)
                    .append(';'));
        }
        shape.append('\n').append(plan.forward()).append('\n').append(plan.trashedInMemory()).append('\n');
        for (Condition residual : plan.residual()) {
            shape.append(residual.fingerprint()).append(';');
        }
        shape.append('\n').append(plan.position()).append('\n').append(segments);
        return Arrays.copyOf(sha256(shape.toString().getBytes(StandardCharsets.UTF_8)), FINGERPRINT_BYTES);
    }

    /**
     * Encodes the position of a page's last item.
     *
     * @param fingerprint the query's fingerprint
     * @param position the position attributes, in the plan's order
     * @param key the signing key, or null to seal with a checksum
     */
    static String encode(byte[] fingerprint, Map<String, AttributeValue> position, byte @Nullable [] key) {
        return encode(fingerprint, List.of(Position.after(position)), key);
    }

    /**
     * Encodes where every segment of a read stands.
     *
     * @param fingerprint the query's fingerprint
     * @param segments each segment's position, in segment order
     * @param key the signing key, or null to seal with a checksum
     */
    static String encode(byte[] fingerprint, List<Position> segments, byte @Nullable [] key) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(key == null ? 0 : 1);
            out.write(fingerprint);
            out.writeByte(segments.size());
            for (Position segment : segments) {
                Map<String, AttributeValue> position = segment.after();
                out.writeByte(segment.done() ? 2 : position == null ? 0 : 1);
                if (!segment.done() && position != null) {
                    writePosition(out, position);
                }
            }
            out.write(seal(bytes.toByteArray(), key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
    }

    private static void writePosition(DataOutputStream out, Map<String, AttributeValue> position) throws IOException {
        out.writeByte(position.size());
        for (Map.Entry<String, AttributeValue> attribute : position.entrySet()) {
            out.writeUTF(attribute.getKey());
            AttributeValue value = attribute.getValue();
            if (value.s() != null) {
                out.writeByte('S');
                out.writeUTF(value.s());
            } else if (value.n() != null) {
                out.writeByte('N');
                out.writeUTF(value.n());
            } else if (value.b() != null) {
                out.writeByte('B');
                byte[] b = value.b().asByteArrayUnsafe();
                out.writeShort(b.length);
                out.write(b);
            } else {
                throw new IllegalStateException("key attribute " + attribute.getKey() + " is not S, N or B: " + value);
            }
        }
    }

    /**
     * Decodes a cursor for a query, refusing it unless it is intact, sealed as this client seals, made by this query,
     * and holds exactly the query's position attributes.
     *
     * @param cursor the cursor given
     * @param fingerprint the running query's fingerprint
     * @param attributes the running query's position attributes
     * @param key the client's signing key, or null
     * @param model the model's name, for the messages
     * @return the position, to start after
     * @throws InvalidCursorException if anything is wrong with it
     */
    static Map<String, AttributeValue> decode(String cursor, byte[] fingerprint, List<String> attributes,
                                              byte @Nullable [] key, String model) {
        Position position = decode(cursor, fingerprint, attributes, key, model, 1).get(0);
        if (position.after() == null) {
            throw refused(model, "it is damaged");
        }
        return position.after();
    }

    /**
     * Decodes the cursor of a read in segments, refusing it as {@link #decode(String, byte[], List, byte[], String)}
     * does, and unless it holds exactly {@code segments} segments.
     *
     * @return each segment's position, in segment order
     */
    static List<Position> decode(String cursor, byte[] fingerprint, List<String> attributes, byte @Nullable [] key,
                                 String model, int segments) {
        if (cursor.isEmpty() || cursor.length() > MAX_CURSOR_CHARS) {
            throw refused(model, "it is " + (cursor.isEmpty() ? "empty" : cursor.length() + " characters long"));
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw refused(model, "it is not URL-safe Base64");
        }
        if (raw.length < 2 + FINGERPRINT_BYTES + 1 + CHECKSUM_BYTES) {
            throw refused(model, "it is truncated");
        }
        if (raw[0] != VERSION) {
            throw refused(model, "its version " + raw[0] + " is unknown (this version reads " + VERSION + ")");
        }
        boolean signed = raw[1] == 1;
        if (raw[1] != 0 && !signed) {
            throw refused(model, "it is damaged");
        }
        if (key != null && !signed) {
            throw refused(model, "it is not signed, and this client signs its cursors");
        }
        if (key == null && signed) {
            throw refused(model, "it is signed, and this client has no signing key to check it with");
        }
        int sealLength = signed ? HMAC_BYTES : CHECKSUM_BYTES;
        if (raw.length < 2 + FINGERPRINT_BYTES + 1 + sealLength) {
            throw refused(model, "it is truncated");
        }
        byte[] body = Arrays.copyOf(raw, raw.length - sealLength);
        byte[] seal = Arrays.copyOfRange(raw, raw.length - sealLength, raw.length);
        if (!MessageDigest.isEqual(seal, seal(body, key))) {
            throw refused(model, signed ? "its signature does not match this client's key: it was altered, forged"
                    + " or signed with another key" : "its checksum does not match: it was truncated or altered");
        }
        if (!MessageDigest.isEqual(Arrays.copyOfRange(body, 2, 2 + FINGERPRINT_BYTES), fingerprint)) {
            throw refused(model, "it was made by another query (another model, index, filter, order, projection or"
                    + " soft-delete mode); a cursor resumes only the query whose page gave it");
        }
        List<Position> positions = new java.util.ArrayList<>();
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body, 2 + FINGERPRINT_BYTES,
                body.length - 2 - FINGERPRINT_BYTES))) {
            int count = in.readUnsignedByte();
            if (count != segments) {
                throw refused(model, "it holds " + count + " segment(s), not " + segments);
            }
            for (int segment = 0; segment < count; segment++) {
                int state = in.readUnsignedByte();
                switch (state) {
                    case 0 -> positions.add(Position.START);
                    case 2 -> positions.add(Position.DONE);
                    case 1 -> {
                        Map<String, AttributeValue> position = readPosition(in, model);
                        if (!List.copyOf(position.keySet()).equals(attributes)) {
                            throw refused(model, "it holds the attributes " + position.keySet() + ", not "
                                    + attributes);
                        }
                        positions.add(Position.after(position));
                    }
                    default -> throw refused(model, "it holds a segment of unknown state " + state);
                }
            }
            if (in.available() > 0) {
                throw refused(model, "it has bytes after its position");
            }
        } catch (IOException e) {
            throw refused(model, "its position is damaged");
        }
        return positions;
    }

    private static Map<String, AttributeValue> readPosition(DataInputStream in, String model) throws IOException {
        Map<String, AttributeValue> position = new LinkedHashMap<>();
        int count = in.readUnsignedByte();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            int type = in.readUnsignedByte();
            AttributeValue value = switch (type) {
                case 'S' -> AttributeValue.fromS(in.readUTF());
                case 'N' -> AttributeValue.fromN(number(in.readUTF(), model));
                case 'B' -> {
                    byte[] b = new byte[in.readUnsignedShort()];
                    in.readFully(b);
                    yield AttributeValue.fromB(SdkBytes.fromByteArray(b));
                }
                default -> throw refused(model, "it holds a value of unknown type " + type);
            };
            position.put(name, value);
        }
        return position;
    }

    private static String number(String text, String model) {
        try {
            new java.math.BigDecimal(text);
            return text;
        } catch (NumberFormatException e) {
            throw refused(model, "it holds a number that is not one");
        }
    }

    private static byte[] seal(byte[] body, byte @Nullable [] key) {
        if (key == null) {
            return Arrays.copyOf(sha256(body), CHECKSUM_BYTES);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static InvalidCursorException refused(String model, String why) {
        return new InvalidCursorException("The cursor given to a paged query of " + model + " is refused: " + why
                + ". Start again without a cursor, or pass the cursor of the previous page of the same query.");
    }
}
