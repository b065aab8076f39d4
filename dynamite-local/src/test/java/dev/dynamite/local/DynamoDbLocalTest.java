package dev.dynamite.local;

import static dev.dynamite.local.LocalTables.createTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

class DynamoDbLocalTest {
    @Test
    void clientRunsRealOperationsInProcess() {
        try (DynamoDbLocal local = DynamoDbLocal.create()) {
            DynamoDbClient client = local.client();
            assertThat(client.listTables().tableNames()).isEmpty();

            createTable(client, "users");
            client.putItem(b -> b.tableName("users").item(Map.of("id", AttributeValue.fromS("1"),
                    "name", AttributeValue.fromS("Ada"))));

            assertThat(client.listTables().tableNames()).containsExactly("users");
            assertThat(client.getItem(b -> b.tableName("users").key(Map.of("id", AttributeValue.fromS("1")))).item())
                    .containsEntry("name", AttributeValue.fromS("Ada"));
            assertThatThrownBy(() -> client.describeTable(b -> b.tableName("missing")))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThat(local.client()).isSameAs(client);
        }
    }

    @Test
    void everyClientSeesTheSameData() {
        try (DynamoDbLocal local = DynamoDbLocal.create();
                DynamoDbClient other = local.clientBuilder().build()) {
            createTable(local.client(), "users");

            assertThat(other.listTables().tableNames()).containsExactly("users");
        }
    }

    @Test
    void httpClientWorksInAnySdkClient() {
        try (DynamoDbLocal local = DynamoDbLocal.create();
                DynamoDbClient client = DynamoDbClient.builder()
                        .httpClient(local.httpClient())
                        .region(software.amazon.awssdk.regions.Region.EU_WEST_3)
                        .endpointOverride(URI.create("https://dynamodb.example:443"))
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                        .build()) {
            createTable(client, "orders");

            assertThat(local.client().listTables().tableNames()).containsExactly("orders");
        }
    }

    @Test
    void createTableDelayKeepsTablesCreatingForAWhile() {
        try (DynamoDbLocal local = DynamoDbLocal.builder().createTableDelay(Duration.ofMillis(300)).build()) {
            DynamoDbClient client = local.client();
            createTable(client, "slow");

            assertThat(client.describeTable(b -> b.tableName("slow")).table().tableStatus())
                    .isEqualTo(TableStatus.CREATING);
            long start = System.nanoTime();
            var waited = client.waiter().waitUntilTableExists(b -> b.tableName("slow"),
                    o -> o.backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(50))));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
            assertThat(waited.matched().response().orElseThrow().table().tableStatus())
                    .isEqualTo(TableStatus.ACTIVE);
        }
    }

    @Test
    void clockDrivesTableStates() {
        MutableClock clock = new MutableClock();
        try (DynamoDbLocal local = DynamoDbLocal.builder().createTableDelay(Duration.ofMinutes(5)).clock(clock)
                .build()) {
            createTable(local.client(), "ttl");
            assertThat(local.client().describeTable(b -> b.tableName("ttl")).table().tableStatus())
                    .isEqualTo(TableStatus.CREATING);

            clock.advance(Duration.ofMinutes(5));

            assertThat(local.client().describeTable(b -> b.tableName("ttl")).table().tableStatus())
                    .isEqualTo(TableStatus.ACTIVE);
        }
    }

    @Test
    void startsAndStopsHttp() throws Exception {
        try (DynamoDbLocal local = DynamoDbLocal.create()) {
            assertThat(local.httpEndpoint()).isEmpty();
            URI endpoint = local.startHttp(0);

            assertThat(endpoint.toString()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(local.httpEndpoint()).contains(endpoint);
            assertThat(health(endpoint).body()).isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com ");
            assertThatThrownBy(() -> local.startHttp(0)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(endpoint.toString());

            local.stopHttp();

            assertThat(local.httpEndpoint()).isEmpty();
            assertThatThrownBy(() -> health(endpoint)).isInstanceOf(ConnectException.class);
            local.stopHttp(); // idempotent
            URI again = local.startHttp(0);
            assertThat(health(again).statusCode()).isEqualTo(200);
        }
    }

    private static HttpResponse<String> health(URI endpoint) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(endpoint).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void closeStopsEverything() throws Exception {
        DynamoDbLocal local = DynamoDbLocal.create();
        URI endpoint = local.startHttp(0);
        local.faults().on("GetItem").throttle().always();

        local.close();

        assertThat(local.httpEndpoint()).isEmpty();
        assertThat(local.faults().active()).isEmpty();
        assertThatThrownBy(() -> health(endpoint)).isInstanceOf(ConnectException.class);
        assertThatThrownBy(local::client).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> local.startHttp(0)).isInstanceOf(IllegalStateException.class);
        local.close(); // idempotent
    }

    @Test
    void builderRejectsBadOptionsAtOnce() {
        assertThatThrownBy(() -> DynamoDbLocal.builder().createTableDelay(Duration.ofMillis(-1))
                .deleteTableDelay(Duration.ofMillis(-2)).host(" ").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("createTableDelay must be zero or positive")
                .hasMessageContaining("deleteTableDelay must be zero or positive")
                .hasMessageContaining("host must not be blank");
        try (DynamoDbLocal local = DynamoDbLocal.create()) {
            assertThatThrownBy(() -> local.startHttp(70000)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void busyPortIsReported() {
        try (DynamoDbLocal first = DynamoDbLocal.create(); DynamoDbLocal second = DynamoDbLocal.create()) {
            int port = first.startHttp(0).getPort();

            assertThatThrownBy(() -> second.startHttp(port)).isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + port);
        }
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2024-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("this test clock keeps UTC");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
