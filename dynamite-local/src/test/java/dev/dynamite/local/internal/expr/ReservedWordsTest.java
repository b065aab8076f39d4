package dev.dynamite.local.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReservedWordsTest {

    @Test
    void holdsDynamoDbsWholeList() {
        assertThat(ReservedWords.count()).isEqualTo(573);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ABORT", "abort", "Status", "name", "COUNT", "data", "date", "year", "size", "ttl",
        "value", "list", "map", "comment", "key", "type", "ZONE", "flattern", "innter"})
    void reservesTheListedWordsInAnyCase(String word) {
        assertThat(ReservedWords.contains(word)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"statuses", "nam", "a", "pk", "sk", "id", "title", "price", "begins_with", "contains",
        "attribute_exists", "email"})
    void leavesOtherWordsFree(String word) {
        assertThat(ReservedWords.contains(word)).isFalse();
    }
}
