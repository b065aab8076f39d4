package dev.dynamite;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB-compatible server {@link CodecRoundTripIT} runs against: the one {@code scripts/test.sh} started, named
 * by {@code DYNAMITE_TEST_ENDPOINT}. Without it the test fails loudly rather than skip. (The other integration tests
 * are in it/integration, on the test fixtures; a jqwik property cannot use a JUnit Jupiter extension.)
 */
final class TestServer {
    static final String ENV = "DYNAMITE_TEST_ENDPOINT";

    private TestServer() {
    }

    static URI endpoint() {
        String endpoint = System.getenv(ENV);
        if (endpoint == null || endpoint.isBlank()) {
            fail(ENV + " is not set: run the integration tests with scripts/test.sh, which starts dynalite and sets it");
        }
        return URI.create(endpoint);
    }

    /** A configuration for the test server with a table prefix no other test uses. */
    static DynamiteConfig.Builder config() {
        return DynamiteConfig.builder()
                .region("us-east-1")
                .endpoint(endpoint())
                .credentials("test", "test")
                .tablePrefix(uniquePrefix());
    }

    static String uniquePrefix() {
        return "it_" + UUID.randomUUID().toString().substring(0, 8) + "_";
    }

    /** Deletes every table whose name starts with the prefix. */
    static void dropTables(DynamoDbClient client, String prefix) {
        for (String table : client.listTablesPaginator().tableNames()) {
            if (table.startsWith(prefix)) {
                client.deleteTable(b -> b.tableName(table));
            }
        }
    }
}
