package dev.dynamite.local.internal.protocol;

import static dev.dynamite.local.internal.protocol.Requests.call;
import static dev.dynamite.local.internal.protocol.Requests.crc32;
import static dev.dynamite.local.internal.protocol.Requests.json;
import static dev.dynamite.local.internal.protocol.Requests.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.local.internal.engine.DynamoException;
import dev.dynamite.local.internal.engine.Operations;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonProtocolTest {
    private final List<String> calls = new ArrayList<>();
    private final List<Map<String, Object>> requests = new ArrayList<>();
    private Operations engine = (operation, request) -> {
        calls.add(operation);
        requests.add(request);
        return Map.of("TableNames", List.of("users"));
    };

    private ProtocolResponse handle(Requests request) throws Exception {
        return new JsonProtocol((operation, input) -> engine.execute(operation, input), new FaultInjector())
                .handle(request.build());
    }

    private static void assertError(ProtocolResponse response, int status, String type) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(json(response)).containsEntry("__type", type);
        assertThat(response.header("x-amz-crc32")).isEqualTo(Long.toString(crc32(response.body())));
    }

    @Test
    void answersAnOperationWithDynamoDbHeaders() throws Exception {
        ProtocolResponse response = handle(call("ListTables", "{\"Limit\": 10}"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(text(response)).isEqualTo("{\"TableNames\":[\"users\"]}");
        assertThat(response.header("Content-Type")).isEqualTo("application/x-amz-json-1.0");
        assertThat(response.header("x-amz-crc32")).isEqualTo(Long.toString(crc32(response.body())));
        assertThat(response.header("x-amzn-RequestId")).matches("[A-Z0-9]{52}");
        assertThat(calls).containsExactly("ListTables");
        assertThat(requests.get(0)).containsEntry("Limit", new BigDecimal("10"));
    }

    @Test
    void nullMembersAreAbsent() throws Exception {
        handle(call("Query", "{\"TableName\":\"t\",\"Limit\":null,\"ExclusiveStartKey\":{\"id\":{\"S\":\"1\",\"N\":null}},"
                + "\"AttributesToGet\":[\"a\",null]}"));

        assertThat(requests.get(0)).containsOnlyKeys("TableName", "ExclusiveStartKey", "AttributesToGet")
                .containsEntry("ExclusiveStartKey", Map.of("id", Map.of("S", "1")));
        assertThat(requests.get(0).get("AttributesToGet")).isEqualTo(java.util.Arrays.asList("a", null));
    }

    @Test
    void unknownOperationOfTheEngineHasNoMessage() throws Exception {
        engine = (operation, request) -> {
            throw new DynamoException("UnknownOperationException", "An unknown operation was requested.", 400);
        };
        ProtocolResponse response = handle(call("CreateBackup", "{}"));

        assertError(response, 400, "com.amazon.coral.service#UnknownOperationException");
        assertThat(json(response)).containsOnlyKeys("__type");
    }

    @Test
    void crc32IsTheUnsignedCrcOfTheBodyBytes() throws Exception {
        engine = (operation, request) -> Map.of("S", "\u00e9t\u00e9 \u2603"); // multi-byte UTF-8
        ProtocolResponse response = handle(call("GetItem", "{}"));

        byte[] expected = "{\"S\":\"\u00e9t\u00e9 \u2603\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(response.body()).isEqualTo(expected);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(expected);
        assertThat(response.header("x-amz-crc32")).isEqualTo(Long.toString(crc.getValue()));
    }

    @Test
    void requestIdsDiffer() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            ids.add(handle(call("ListTables", "{}")).header("x-amzn-RequestId"));
        }
        assertThat(ids).hasSize(100);
    }

    @Test
    void plainJsonContentTypeIsAcceptedAndEchoed() throws Exception {
        ProtocolResponse response = handle(call("ListTables", "{}")
                .header("Content-Type", "application/json; charset=utf-8"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void missingOrUnknownTargetIsUnknownOperation() throws Exception {
        for (String target : new String[] {null, "", "ListTables", "DynamoDB_20120810.Frobnicate",
            "DynamoDB_20111205.ListTables", "DynamoDB_20120810.ListTables.x", "Other_20120810.ListTables"}) {
            ProtocolResponse response = handle(call("ListTables", "{}").header("X-Amz-Target", target));
            assertError(response, 400, "com.amazon.coral.service#UnknownOperationException");
            assertThat(json(response)).as(target).doesNotContainKey("message");
        }
        assertThat(calls).isEmpty();
    }

    @Test
    void malformedJsonIsSerializationException() throws Exception {
        for (String body : new String[] {"{", "{\"a\":}", "nope", "{\"a\":1} x", "[".repeat(100_000)}) {
            ProtocolResponse response = handle(call("PutItem", body));
            assertError(response, 400, "com.amazon.coral.service#SerializationException");
        }
        // like DynamoDB, the JSON syntax is checked before the target
        ProtocolResponse response = handle(call("PutItem", "{").header("X-Amz-Target", "nope"));
        assertError(response, 400, "com.amazon.coral.service#SerializationException");
        assertThat(calls).isEmpty();
    }

    @Test
    void emptyOrNonObjectBodyIsSerializationException() throws Exception {
        for (String body : new String[] {"", "[]", "1", "null", "\"x\""}) {
            ProtocolResponse response = handle(call("ListTables", body));
            assertError(response, 400, "com.amazon.coral.service#SerializationException");
        }
        assertThat(calls).isEmpty();
    }

    @Test
    void missingAuthenticationIsRejected() throws Exception {
        ProtocolResponse response = handle(call("ListTables", "{}").header("Authorization", null));
        assertError(response, 400, "com.amazon.coral.service#MissingAuthenticationTokenException");
        assertThat(json(response)).containsEntry("message", "Request is missing Authentication Token");

        response = handle(call("ListTables", "{}").header("Authorization", "Basic dXNlcjpwYXNz"));
        assertError(response, 400, "com.amazon.coral.service#MissingAuthenticationTokenException");
        assertThat(calls).isEmpty();
    }

    @Test
    void incompleteSignatureIsRejectedWithDynaliteMessage() throws Exception {
        ProtocolResponse response = handle(call("ListTables", "{}")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=a/b/c/d/e")
                .header("X-Amz-Date", null));

        assertError(response, 400, "com.amazon.coral.service#IncompleteSignatureException");
        assertThat(json(response)).containsEntry("message", "Authorization header requires 'Signature' parameter. "
                + "Authorization header requires 'SignedHeaders' parameter. "
                + "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. "
                + "Authorization=AWS4-HMAC-SHA256 Credential=a/b/c/d/e");
    }

    @Test
    void queryStringSignatureIsAcceptedWhenComplete() throws Exception {
        ProtocolResponse incomplete = handle(call("ListTables", "{}").header("Authorization", null)
                .query("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=x"));
        assertError(incomplete, 400, "com.amazon.coral.service#IncompleteSignatureException");
        assertThat(json(incomplete)).containsEntry("message",
                "AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters must include"
                        + " 'X-Amz-SignedHeaders'. AWS query-string parameters must include 'X-Amz-Date'."
                        + " Re-examine the query-string parameters.");

        ProtocolResponse both = handle(call("ListTables", "{}").query("X-Amz-Algorithm=AWS4-HMAC-SHA256"));
        assertError(both, 400, "com.amazon.coral.service#InvalidSignatureException");

        ProtocolResponse ok = handle(call("ListTables", "{}").header("Authorization", null)
                .query("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=a%2Fb&X-Amz-Signature=s"
                        + "&X-Amz-SignedHeaders=host&X-Amz-Date=20240101T000000Z"));
        assertThat(ok.status()).isEqualTo(200);
    }

    @Test
    void wrongMethodOrContentTypeIsNotFound() throws Exception {
        ProtocolResponse wrongType = handle(call("ListTables", "{}").header("Content-Type", "text/plain"));
        ProtocolResponse put = handle(call("ListTables", "{}").method("PUT"));

        for (ProtocolResponse response : List.of(wrongType, put)) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(text(response)).isEqualTo("<UnknownOperationException/>\n");
            assertThat(response.header("x-amz-crc32")).isEqualTo("3552371480"); // dynalite's constant
        }
        assertThat(calls).isEmpty();
    }

    @Test
    void getAnswersTheHealthCheck() throws Exception {
        ProtocolResponse response = handle(Requests.get());

        assertThat(response.status()).isEqualTo(200);
        assertThat(text(response)).isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com ");
        assertThat(response.header("x-amz-crc32")).isEqualTo("3128867991"); // dynalite's constant
        assertThat(response.header("x-amzn-RequestId")).isNotNull();
    }

    @Test
    void corsPreflightIsAnswered() throws Exception {
        ProtocolResponse response = handle(call("ListTables", "").method("OPTIONS")
                .header("Origin", "http://example.com")
                .header("Access-Control-Request-Headers", "x-amz-target")
                .header("Access-Control-Request-Method", "POST"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsEntry("Access-Control-Allow-Origin", "*")
                .containsEntry("Access-Control-Allow-Headers", "x-amz-target")
                .containsEntry("Access-Control-Allow-Methods", "POST")
                .containsEntry("Access-Control-Max-Age", "172800");
        assertThat(response.body()).isEmpty();

        ProtocolResponse post = handle(call("ListTables", "{}").header("Origin", "http://example.com"));
        assertThat(post.headers()).containsEntry("Access-Control-Allow-Origin", "*");
    }

    @Test
    void oversizedRequestIs413() throws Exception {
        ProtocolResponse response = handle(call("PutItem", "{}").body(new byte[JsonProtocol.MAX_REQUEST_BYTES + 1]));

        assertThat(response.status()).isEqualTo(413);
        assertThat(calls).isEmpty();
    }

    @Test
    void engineErrorsKeepTypeStatusMessageAndDetails() throws Exception {
        engine = (operation, request) -> {
            throw DynamoException.notFound("Requested resource not found");
        };
        ProtocolResponse response = handle(call("GetItem", "{}"));
        assertError(response, 400, "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException");
        assertThat(json(response)).containsEntry("message", "Requested resource not found");

        engine = (operation, request) -> {
            throw DynamoException.validation("One or more parameter values were invalid");
        };
        response = handle(call("GetItem", "{}"));
        assertError(response, 400, "com.amazon.coral.validate#ValidationException");

        Map<String, Object> reason = new LinkedHashMap<>();
        reason.put("Code", "ConditionalCheckFailed");
        reason.put("Message", "The conditional request failed");
        engine = (operation, request) -> {
            throw new DynamoException("TransactionCanceledException", "Transaction cancelled", 400,
                    Map.of("CancellationReasons", List.of(reason)));
        };
        response = handle(call("TransactWriteItems", "{}"));
        assertError(response, 400, "com.amazonaws.dynamodb.v20120810#TransactionCanceledException");
        assertThat(json(response)).containsEntry("CancellationReasons", List.of(reason));

        engine = (operation, request) -> {
            throw new DynamoException("SerializationException", "NUMBER_VALUE cannot be converted to String", 400);
        };
        response = handle(call("PutItem", "{}"));
        assertError(response, 400, "com.amazon.coral.service#SerializationException");
        assertThat(json(response)).containsEntry("Message", "NUMBER_VALUE cannot be converted to String");
    }

    @Test
    void unexpectedFailureIsInternalServerError() throws Exception {
        engine = (operation, request) -> {
            throw new IllegalStateException("bug");
        };
        ProtocolResponse response = handle(call("PutItem", "{}"));

        assertError(response, 500, "com.amazonaws.dynamodb.v20120810#InternalServerError");
        assertThat(json(response)).containsEntry("message", "Internal server error");
    }

    @Test
    void unwritableResultIsInternalServerError() throws Exception {
        engine = (operation, request) -> Map.of("x", new Object());
        assertError(handle(call("PutItem", "{}")), 500, "com.amazonaws.dynamodb.v20120810#InternalServerError");
    }

    @Test
    void parsesTargets() {
        assertThat(JsonProtocol.operation("DynamoDB_20120810.GetItem")).isEqualTo("GetItem");
        assertThat(JsonProtocol.operation("DynamoDB_20120810.TransactWriteItems")).isEqualTo("TransactWriteItems");
        assertThat(JsonProtocol.operation("DynamoDB_20120810.")).isNull();
        assertThat(JsonProtocol.operation("DynamoDB_2012081.GetItem")).isNull();
        assertThat(JsonProtocol.operation("DynamoDB_201208100.GetItem")).isNull();
        assertThat(JsonProtocol.operation("dynamodb_20120810.GetItem")).isNull();
    }

    @Test
    void findsTheTablesOfARequest() {
        assertThat(JsonProtocol.tablesOf(Map.of("TableName", "users"))).containsExactly("users");
        assertThat(JsonProtocol.tablesOf(Map.of("TableName",
                "arn:aws:dynamodb:us-east-1:000000000000:table/users"))).containsExactly("users");
        assertThat(JsonProtocol.tablesOf(Map.of("ResourceArn",
                "arn:aws:dynamodb:us-east-1:000000000000:table/users/index/byName"))).containsExactly("users");
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("users", List.of());
        items.put("orders", List.of());
        assertThat(JsonProtocol.tablesOf(Map.of("RequestItems", items))).containsExactly("users", "orders");
        assertThat(JsonProtocol.tablesOf(Map.of("TransactItems", List.of(
                Map.of("Put", Map.of("TableName", "users")),
                Map.of("ConditionCheck", Map.of("TableName", "orders")))))).containsExactlyInAnyOrder("users", "orders");
        assertThat(JsonProtocol.tablesOf(Map.of())).isEmpty();
    }

    @Test
    void qualifiesErrorTypesLikeDynamoDb() {
        assertThat(JsonProtocol.qualifiedType("ConditionalCheckFailedException"))
                .isEqualTo("com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException");
        assertThat(JsonProtocol.qualifiedType("ValidationException"))
                .isEqualTo("com.amazon.coral.validate#ValidationException");
        assertThat(JsonProtocol.qualifiedType("ThrottlingException"))
                .isEqualTo("com.amazon.coral.availability#ThrottlingException");
        assertThat(JsonProtocol.qualifiedType("UnknownOperationException"))
                .isEqualTo("com.amazon.coral.service#UnknownOperationException");
        assertThat(JsonProtocol.qualifiedType("a.b#C")).isEqualTo("a.b#C");
    }
}
