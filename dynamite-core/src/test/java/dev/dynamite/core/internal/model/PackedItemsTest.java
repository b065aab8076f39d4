package dev.dynamite.core.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Stored items packed into one string come back equal, in their order, whatever they hold. */
class PackedItemsTest {

    private static Map<String, AttributeValue> roundTrip(Map<String, AttributeValue> item) {
        byte[] packed = PackedItems.pack(item);
        assertThat(packed).isNotNull();
        Map<String, AttributeValue> back = PackedItems.unpack(packed);
        assertThat(back).isEqualTo(item);
        assertThat(back.keySet()).containsExactlyElementsOf(item.keySet());
        return back;
    }

    @Test
    void everyTypeComesBackEqual() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("s", AttributeValue.fromS("plain"));
        item.put("empty", AttributeValue.fromS(""));
        item.put("n", AttributeValue.fromN("-12.50"));
        item.put("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {0, 1, (byte) 0x7F, (byte) 0x80,
                (byte) 0xFF})));
        item.put("yes", AttributeValue.fromBool(true));
        item.put("no", AttributeValue.fromBool(false));
        item.put("null", AttributeValue.fromNul(true));
        item.put("ss", AttributeValue.fromSs(List.of("b", "a")));
        item.put("ns", AttributeValue.fromNs(List.of("1", "2.5")));
        item.put("bs", AttributeValue.fromBs(List.of(SdkBytes.fromUtf8String("x"), SdkBytes.fromByteArray(
                new byte[0]))));
        item.put("l", AttributeValue.fromL(List.of(AttributeValue.fromS("one"), AttributeValue.fromN("2"),
                AttributeValue.fromL(List.of()), AttributeValue.fromM(Map.of()))));
        item.put("m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromM(Map.of("deep",
                AttributeValue.fromSs(List.of("z")))))));

        Map<String, AttributeValue> back = roundTrip(item);

        assertThat(back).isUnmodifiable();
        assertThat(back.get("l").l().get(2).hasL()).isTrue();
        assertThat(back.get("l").l().get(3).hasM()).isTrue();
        assertThat(back.get("b").b().asByteArray()).containsExactly(0, 1, 0x7F, (byte) 0x80, (byte) 0xFF);
    }

    @Test
    void longAndNonLatinTextComesBackWhole() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("short", AttributeValue.fromS("x".repeat(127)));
        item.put("two", AttributeValue.fromS("y".repeat(128)));
        item.put("three", AttributeValue.fromS("z".repeat(20_000)));
        item.put("名前", AttributeValue.fromS("Grüße, 世界 \uD83D\uDE00"));
        item.put("many", AttributeValue.fromL(java.util.Collections.nCopies(300, AttributeValue.fromN("7"))));

        roundTrip(item);
    }

    @Test
    void anEmptyItemPacks() {
        roundTrip(Map.of());
    }

    @Test
    void aValueOfNoKnownTypeIsNotPacked() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", AttributeValue.fromS("a"));
        item.put("later", AttributeValue.builder().build());
        assertThat(PackedItems.pack(item)).isNull();

        item.put("later", AttributeValue.fromL(List.of(AttributeValue.builder().build())));
        assertThat(PackedItems.pack(item)).isNull();
    }
}
