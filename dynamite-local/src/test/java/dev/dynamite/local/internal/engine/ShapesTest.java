package dev.dynamite.local.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.local.internal.json.Json;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON types of request members, checked before any other validation as DynamoDB's deserializer does. */
class ShapesTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return (Map<String, Object>) Json.parse(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PutItem|{\"TableName\": 5}|NUMBER_VALUE cannot be converted to String",
        "PutItem|{\"TableName\": 5.5}|DECIMAL_VALUE cannot be converted to String",
        "PutItem|{\"TableName\": true}|TRUE_VALUE cannot be converted to String",
        "PutItem|{\"TableName\": [\"t\"]}|Unrecognized collection type class java.lang.String",
        "PutItem|{\"TableName\": {}}|Start of structure or map found where not expected",
        "PutItem|{\"Item\": []}|Unrecognized collection type java.util.Map<java.lang.String,"
                + " com.amazonaws.dynamodb.v20120810.AttributeValue>",
        "PutItem|{\"Item\": {\"a\": \"x\"}}|Unexpected value type in payload",
        "PutItem|{\"Item\": {\"a\": {\"L\": [{\"M\": {\"b\": {\"N\": 1}}}]}}}|NUMBER_VALUE cannot be converted to String",
        "PutItem|{\"Item\": {\"a\": {\"B\": \"abc\"}}}|Base64 encoded length is expected a multiple of 4 bytes but"
                + " found: 3",
        "PutItem|{\"Item\": {\"a\": {\"B\": \"AB==\"}}}|Invalid last non-pad Base64 character dectected",
        "PutItem|{\"Item\": {\"a\": {\"BOOL\": \"maybe\"}}}|Unexpected token received from parser",
        "Query|{\"Limit\": \"5\"}|STRING_VALUE cannot be converted to Integer",
        "Query|{\"ScanIndexForward\": 0}|NUMBER_VALUE cannot be converted to Boolean",
        "BatchWriteItem|{\"RequestItems\": {\"t\": \"x\"}}|class sun.reflect.generics.reflectiveObjects"
                + ".ParameterizedTypeImpl cannot be cast to class java.lang.Class (sun.reflect.generics"
                + ".reflectiveObjects.ParameterizedTypeImpl and java.lang.Class are in module java.base of loader"
                + " 'bootstrap')",
        "BatchWriteItem|{\"RequestItems\": {\"t\": [{\"PutRequest\": []}]}}|Unrecognized collection type class"
                + " com.amazonaws.dynamodb.v20120810.PutRequest",
        "CreateTable|{\"KeySchema\": [\"HASH\"]}|Unexpected value type in payload",
        "CreateTable|{\"ProvisionedThroughput\": 5}|Unexpected field type"})
    void refusesMembersOfTheWrongType(String operation, String request, String message) {
        assertThatThrownBy(() -> Shapes.check(operation, json(request))).isInstanceOfSatisfying(DynamoException.class,
                e -> assertThat(e.type()).isEqualTo("SerializationException")).hasMessage(message);
    }

    @Test
    void readsBooleansGivenAsStringsAndTruncatesIntegers() {
        Map<String, Object> request = json("{\"ConsistentRead\": \"yes\", \"Limit\": 2.9, \"ScanIndexForward\":"
                + " \"0\", \"ExclusiveStartKey\": {\"a\": {\"NULL\": \"TRUE\"}}}");
        Shapes.check("Query", request);
        assertThat(request).containsEntry("ConsistentRead", true).containsEntry("Limit", new BigDecimal("2"))
                .containsEntry("ScanIndexForward", false)
                .containsEntry("ExclusiveStartKey", Map.of("a", Map.of("NULL", true)));
    }

    @Test
    void ignoresUnknownMembersAndOperations() {
        Map<String, Object> request = json("{\"Whatever\": [1, 2], \"TableName\": \"t\"}");
        Shapes.check("PutItem", request);
        Shapes.check("NoSuchOperation", json("{\"TableName\": 5}"));
        assertThat(request).containsEntry("Whatever", java.util.List.of(BigDecimal.ONE, new BigDecimal("2")));
    }
}
