package dev.dynamite.core.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.api.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Cursor encoding and refusal on hand-built plans: no client, no table. */
class CursorsTest {
    private static final byte[] KEY = "a signing key of 32 bytes, sixty".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_KEY = "another key, also long enough!!".getBytes(StandardCharsets.UTF_8);
    private static final List<String> POSITION = List.of("ownerId", "id", "seq");

    private static Plan plan(String operation, String filter, boolean forward) {
        return new Plan(Plan.Operation.valueOf(operation), "t_entries", "GSI1_ownerId", List.of(), "#n0 = :v0",
                filter, null, Map.of("#n0", "ownerId", "#n1", "n"),
                Map.of(":v0", AttributeValue.fromS("o1"), ":v1", AttributeValue.fromN("3")), null, false, forward,
                false, null, 0, null, List.of(), POSITION);
    }

    private static Map<String, AttributeValue> position() {
        Map<String, AttributeValue> position = new LinkedHashMap<>();
        position.put("ownerId", AttributeValue.fromS("o1 ünïcode"));
        position.put("id", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, -1, 7})));
        position.put("seq", AttributeValue.fromN("-12.5"));
        return position;
    }

    private static byte[] fingerprint() {
        return Cursors.fingerprint(CursorsTest.class, plan("QUERY", "#n1 > :v1", true));
    }

    private static Map<String, AttributeValue> decode(String cursor, byte[] key) {
        return Cursors.decode(cursor, fingerprint(), POSITION, key, "Entry");
    }

    @Test
    void aCursorIsUrlSafeAndGivesBackThePositionItHolds() {
        String unsigned = Cursors.encode(fingerprint(), position(), null);
        String signed = Cursors.encode(fingerprint(), position(), KEY);

        assertThat(unsigned).matches("[A-Za-z0-9_-]+");
        assertThat(signed).matches("[A-Za-z0-9_-]+").isNotEqualTo(unsigned);
        assertThat(Cursors.decode(unsigned, fingerprint(), POSITION, null, "Entry")).isEqualTo(position());
        assertThat(decode(signed, KEY)).isEqualTo(position());
    }

    @Test
    void theFingerprintFollowsEverythingThatDecidesTheReadButNotThePageSize() {
        byte[] same = Cursors.fingerprint(CursorsTest.class, plan("QUERY", "#n1 > :v1", true));
        assertThat(same).isEqualTo(fingerprint());
        assertThat(Cursors.fingerprint(CursorsTest.class, plan("QUERY", "#n1 < :v1", true)))
                .isNotEqualTo(fingerprint());
        assertThat(Cursors.fingerprint(CursorsTest.class, plan("QUERY", "#n1 > :v1", false)))
                .isNotEqualTo(fingerprint());
        assertThat(Cursors.fingerprint(CursorsTest.class, plan("SCAN", "#n1 > :v1", true)))
                .isNotEqualTo(fingerprint());
        assertThat(Cursors.fingerprint(String.class, plan("QUERY", "#n1 > :v1", true)))
                .isNotEqualTo(fingerprint());
    }

    @Test
    void aCursorOfAnotherQueryIsRefused() {
        String cursor = Cursors.encode(Cursors.fingerprint(CursorsTest.class, plan("QUERY", "#n1 < :v1", true)),
                position(), null);

        assertThatThrownBy(() -> Cursors.decode(cursor, fingerprint(), POSITION, null, "Entry"))
                .isInstanceOf(InvalidCursorException.class).hasMessageContaining("Entry")
                .hasMessageContaining("another query");
    }

    @Test
    void aTruncatedAlteredOrMadeUpCursorIsRefused() {
        String cursor = Cursors.encode(fingerprint(), position(), null);
        char last = cursor.charAt(cursor.length() - 5);
        String altered = cursor.substring(0, cursor.length() - 5) + (last == 'A' ? 'B' : 'A')
                + cursor.substring(cursor.length() - 4);

        for (String bad : List.of(cursor.substring(0, cursor.length() - 3), cursor.substring(0, 10), altered,
                "not a cursor!", "", "AAAA", cursor + "AAAA")) {
            assertThatThrownBy(() -> Cursors.decode(bad, fingerprint(), POSITION, null, "Entry")).as(bad)
                    .isInstanceOf(InvalidCursorException.class).hasMessageContaining("refused");
        }
    }

    @Test
    void aCursorOfAnotherVersionIsRefused() {
        byte[] raw = Base64.getUrlDecoder().decode(Cursors.encode(fingerprint(), position(), null));
        raw[0] = 9;
        String future = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThatThrownBy(() -> Cursors.decode(future, fingerprint(), POSITION, null, "Entry"))
                .isInstanceOf(InvalidCursorException.class).hasMessageContaining("version 9");
    }

    @Test
    void withASigningKeyOnlyCursorsSignedWithItAreTaken() {
        String signedElsewhere = Cursors.encode(fingerprint(), position(), OTHER_KEY);
        String unsigned = Cursors.encode(fingerprint(), position(), null);
        String signed = Cursors.encode(fingerprint(), position(), KEY);

        assertThatThrownBy(() -> decode(signedElsewhere, KEY)).isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("signature");
        assertThatThrownBy(() -> decode(unsigned, KEY)).isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("not signed");
        assertThatThrownBy(() -> Cursors.decode(signed, fingerprint(), POSITION, null, "Entry"))
                .isInstanceOf(InvalidCursorException.class).hasMessageContaining("no signing key");
    }

    @Test
    void aForgedPositionCannotBeSealedWithoutTheKey() {
        // re-encoding another position with a checksum is easy; with a key it cannot be made to pass
        Map<String, AttributeValue> forged = position();
        forged.put("ownerId", AttributeValue.fromS("someone else"));
        byte[] raw = Base64.getUrlDecoder().decode(Cursors.encode(fingerprint(), forged, null));
        raw[1] = 1;
        byte[] padded = new byte[raw.length + 24];
        System.arraycopy(raw, 0, padded, 0, raw.length);
        String attempt = Base64.getUrlEncoder().withoutPadding().encodeToString(padded);

        assertThatThrownBy(() -> decode(attempt, KEY)).isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void aCursorWithOtherPositionAttributesIsRefused() {
        Map<String, AttributeValue> tableKeyOnly = new LinkedHashMap<>();
        tableKeyOnly.put("id", AttributeValue.fromS("x"));
        String cursor = Cursors.encode(fingerprint(), tableKeyOnly, null);

        assertThatThrownBy(() -> Cursors.decode(cursor, fingerprint(), POSITION, null, "Entry"))
                .isInstanceOf(InvalidCursorException.class).hasMessageContaining("[id]");
    }

    @Test
    void aParallelScansCursorHoldsEverySegmentAndOnlyThatManySegments() {
        byte[] fourSegments = Cursors.fingerprint(CursorsTest.class, plan("SCAN", "#n1 > :v1", true), 4);
        List<Cursors.Position> positions = List.of(Cursors.Position.DONE, Cursors.Position.after(position()),
                Cursors.Position.START, Cursors.Position.after(position()));
        String cursor = Cursors.encode(fourSegments, positions, KEY);

        assertThat(Cursors.decode(cursor, fourSegments, POSITION, KEY, "Entry", 4)).isEqualTo(positions);
        assertThat(fourSegments).isNotEqualTo(Cursors.fingerprint(CursorsTest.class,
                plan("SCAN", "#n1 > :v1", true), 2));
        assertThatThrownBy(() -> Cursors.decode(Cursors.encode(fourSegments, positions.subList(0, 2), KEY),
                fourSegments, POSITION, KEY, "Entry", 4)).isInstanceOf(InvalidCursorException.class)
                .hasMessageContaining("2 segment(s), not 4");
    }
}
