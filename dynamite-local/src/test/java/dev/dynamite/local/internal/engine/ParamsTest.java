package dev.dynamite.local.internal.engine;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.local.internal.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wording and order of constraint violations, which DynamoDB reports together in one message. */
class ParamsTest {

    @SuppressWarnings("unchecked")
    private static Params params(String json) {
        return new Params((Map<String, Object>) Json.parse(json));
    }

    @Test
    void quotesValuesAndLeavesNullBare() {
        Params p = params("{\"Limit\": 0, \"Select\": \"ALL\"}");
        p.required("TableName").range("Limit", 1, 100).oneOf("Select", List.of("COUNT", "SPECIFIC_ATTRIBUTES"));
        assertThatThrownBy(p::check).isInstanceOf(DynamoException.class).hasMessage("3 validation errors detected:"
                + " Value null at 'tableName' failed to satisfy constraint: Member must not be null;"
                + " Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal"
                + " to 1; Value 'ALL' at 'select' failed to satisfy constraint: Member must satisfy enum value set:"
                + " [COUNT, SPECIFIC_ATTRIBUTES]");
    }

    @Test
    void rendersListsElementByElementAndObjectsAsJson() {
        Params p = params("{\"KeySchema\": [{\"AttributeName\": \"a\", \"KeyType\": \"HASH\"}, \"x\", 1]}");
        p.length("KeySchema", 1, 2);
        assertThatThrownBy(p::check).hasMessage("1 validation error detected: Value '[{\"AttributeName\":\"a\","
                + "\"KeyType\":\"HASH\"}, x, 1]' at 'keySchema' failed to satisfy constraint: Member must have length"
                + " less than or equal to 2");
    }

    @Test
    void checksTableNamesPatternBeforeLength() {
        Params p = params("{\"TableName\": \"a!\"}");
        p.tableName("TableName");
        assertThatThrownBy(p::check).hasMessage("2 validation errors detected: Value 'a!' at 'tableName' failed to"
                + " satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value 'a!' at"
                + " 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3");
    }

    @Test
    void reportsAtMostTenViolations() {
        Params p = params("{}");
        for (int i = 0; i < 12; i++) {
            p.notNullAt(null, "member" + i);
        }
        assertThatThrownBy(p::check).hasMessageStartingWith("10 validation errors detected: Value null at 'member0'")
                .hasMessageEndingWith("Value null at 'member9' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void passesWhenNothingIsWrong() {
        Params p = params("{\"TableName\": \"good.name-1\", \"Limit\": 5}");
        p.required("TableName").tableName("TableName").range("Limit", 1, 100);
        assertThatCode(p::check).doesNotThrowAnyException();
    }

    @Test
    void tableOperationsCheckTheNameAloneFirst() {
        assertThatThrownBy(() -> Params.requiredTableName(Map.of())).hasMessage(
                "The parameter 'TableName' is required but was not present in the request");
        assertThatThrownBy(() -> Params.requiredTableName(Map.of("TableName", "ab"))).hasMessage(
                "TableName must be at least 3 characters long and at most 255 characters long");
        assertThatCode(() -> Params.requiredTableName(Map.of("TableName", "a b"))).doesNotThrowAnyException();
    }
}
