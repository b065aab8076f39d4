package dev.dynamite.local;

import static dev.dynamite.local.LocalTables.createTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** The HTTP server driven by a real SDK client with the SDK's default HTTP client (Apache 5). */
class HttpServerIT {
    private DynamoDbLocal local;
    private DynamoDbClient client;
    private URI endpoint;

    @BeforeEach
    void start() {
        local = DynamoDbLocal.create();
        endpoint = local.startHttp(0);
        client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        local.close();
    }

    @Test
    void usesTheSdkDefaultHttpClient() {
        assertThat(endpoint.getScheme()).isEqualTo("http");
        // no explicit httpClient: the SDK loaded its default one (Apache 5), which needs a real socket
        assertThat(client.listTables().sdkHttpResponse().firstMatchingHeader("x-amz-crc32")).isPresent();
    }

    @Test
    void runsItemOperationsOverHttp() {
        createTable(client, "users");
        client.putItem(b -> b.tableName("users").item(Map.of("id", AttributeValue.fromS("1"),
                "name", AttributeValue.fromS("Grace \u00e9\u2603"))));

        assertThat(client.getItem(b -> b.tableName("users").key(Map.of("id", AttributeValue.fromS("1")))).item())
                .containsEntry("name", AttributeValue.fromS("Grace \u00e9\u2603"));
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("users")
                .item(Map.of("id", AttributeValue.fromS("1")))
                .conditionExpression("attribute_not_exists(id)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("nope").key(Map.of("id",
                AttributeValue.fromS("1"))))).isInstanceOf(ResourceNotFoundException.class);
        // the in-process client sees the same data
        assertThat(local.client().listTables().tableNames()).containsExactly("users");
    }

    @Test
    void faultsApplyOverHttpAndTheSdkRetries() {
        Fault fault = local.faults().on("ListTables").serverError().times(2);

        assertThat(client.listTables().tableNames()).isEmpty();
        assertThat(fault.injected()).isEqualTo(2);
    }

    @Test
    void sixteenThreadsOverHttp() throws Exception {
        createTable(client, "items");

        List<Integer> done = ConcurrencyTest.runInParallel(thread -> {
            for (int i = 0; i < 50; i++) {
                String id = thread + "-" + i;
                client.putItem(b -> b.tableName("items").item(Map.of("id", AttributeValue.fromS(id))));
                assertThat(client.getItem(b -> b.tableName("items").key(Map.of("id", AttributeValue.fromS(id))))
                        .hasItem()).isTrue();
            }
            return 50;
        });

        assertThat(done).hasSize(16).containsOnly(50);
        assertThat(client.scan(b -> b.tableName("items")).count()).isEqualTo(16 * 50);
    }
}
