package dev.dynamite.core.internal.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class LimitsTest {
    @Test
    void itemSizeCountsNamesAndValuesAsDynamoDbDoes() {
        assertThat(Limits.itemBytes(Map.of("ab", AttributeValue.fromS("xyz")))).isEqualTo(5);
        assertThat(Limits.itemBytes(Map.of("é", AttributeValue.fromS("é")))).isEqualTo(4);
        // numbers: one byte per two significant digits, plus one; trailing zeros do not count
        assertThat(Limits.itemBytes(Map.of("n", AttributeValue.fromN("12345")))).isEqualTo(1 + 3 + 1);
        assertThat(Limits.itemBytes(Map.of("n", AttributeValue.fromN("1000")))).isEqualTo(1 + 1 + 1);
        assertThat(Limits.itemBytes(Map.of("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[10])))))
                .isEqualTo(11);
        assertThat(Limits.itemBytes(Map.of("t", AttributeValue.fromBool(true)))).isEqualTo(2);
        // a list: 3 bytes, one per element, and the elements
        assertThat(Limits.itemBytes(Map.of("l", AttributeValue.fromL(List.of(AttributeValue.fromS("ab"),
                AttributeValue.fromS("c")))))).isEqualTo(1 + 3 + 2 + 3);
        // a map: also its keys
        assertThat(Limits.itemBytes(Map.of("m", AttributeValue.fromM(Map.of("k", AttributeValue.fromS("v"))))))
                .isEqualTo(1 + 3 + 1 + 1 + 1);
        assertThat(Limits.itemBytes(Map.of("s", AttributeValue.fromSs(List.of("ab", "cde"))))).isEqualTo(6);
    }

    @Test
    void keyLengthsFollowDynamoDbsLimits() {
        assertThat(Limits.keyProblem(AttributeValue.fromS("k".repeat(2048)), true)).isNull();
        assertThat(Limits.keyProblem(AttributeValue.fromS("k".repeat(2049)), true)).contains("2049 bytes");
        assertThat(Limits.keyProblem(AttributeValue.fromS("k".repeat(1025)), false)).contains("at most 1024");
        assertThat(Limits.keyProblem(AttributeValue.fromS("k".repeat(1024)), false)).isNull();
        assertThat(Limits.keyProblem(AttributeValue.fromS(""), true)).contains("is empty");
        assertThat(Limits.keyProblem(AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0])), false))
                .contains("is empty");
        assertThat(Limits.keyProblem(AttributeValue.fromN("7"), true)).isNull();
    }
}
