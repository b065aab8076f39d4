package dev.dynamite.local.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.local.internal.engine.DynamoException;
import dev.dynamite.local.internal.engine.Operations;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.Crc32MismatchException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Drives the in-process transport with a real AWS SDK client over a fake engine. */
class InProcessHttpClientTest {
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<Operations> engine = new AtomicReference<>((operation, request) -> {
        calls.add(operation);
        return Map.of("TableNames", List.of("orders", "users"));
    });
    private final FaultInjector faults = new FaultInjector();
    private final JsonProtocol protocol = new JsonProtocol((op, request) -> engine.get().execute(op, request), faults);
    private final InProcessHttpClient http = new InProcessHttpClient(protocol);
    private final List<DynamoDbClient> clients = new ArrayList<>();

    private DynamoDbClient client(SdkHttpClient httpClient, int maxAttempts) {
        DynamoDbClient client = DynamoDbClient.builder()
                .httpClient(httpClient)
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create("http://localhost:8000"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(maxAttempts)
                        .backoffStrategy(BackoffStrategy.retryImmediately())
                        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())))
                .build();
        clients.add(client);
        return client;
    }

    @AfterEach
    void closeClients() {
        clients.forEach(DynamoDbClient::close);
    }

    @Test
    void sdkClientCallsTheEngine() {
        List<Map<String, Object>> requests = new ArrayList<>();
        engine.set((operation, request) -> {
            calls.add(operation);
            requests.add(request);
            return Map.of("TableNames", List.of("orders", "users"), "LastEvaluatedTableName", "users");
        });

        var response = client(http, 1).listTables(b -> b.limit(2).exclusiveStartTableName("a"));

        assertThat(response.tableNames()).containsExactly("orders", "users");
        assertThat(response.lastEvaluatedTableName()).isEqualTo("users");
        assertThat(calls).containsExactly("ListTables");
        assertThat(requests.get(0)).containsEntry("ExclusiveStartTableName", "a")
                .containsEntry("Limit", new java.math.BigDecimal(2));
    }

    @Test
    void engineErrorsBecomeTypedSdkExceptions() {
        engine.set((operation, request) -> {
            throw DynamoException.notFound("Requested resource not found: Table: users not found");
        });

        assertThatThrownBy(() -> client(http, 1).describeTable(b -> b.tableName("users")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Requested resource not found: Table: users not found");
                    assertThat(e.requestId()).matches("[A-Z0-9]{52}");
                });

        engine.set((operation, request) -> {
            throw DynamoException.validation("1 validation error detected");
        });
        assertThatThrownBy(() -> client(http, 1).describeTable(b -> b.tableName("users")))
                .isInstanceOfSatisfying(DynamoDbException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
    }

    @Test
    void sdkValidatesOurCrc32() {
        // our header passes (every other test), and a wrong one fails: the SDK really checks it
        SdkHttpClient corrupting = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                ExecutableHttpRequest real = http.prepareRequest(request);
                return new ExecutableHttpRequest() {
                    @Override
                    public HttpExecuteResponse call() throws java.io.IOException {
                        HttpExecuteResponse response = real.call();
                        byte[] body = response.responseBody().orElseThrow().readAllBytes();
                        return HttpExecuteResponse.builder()
                                .response(response.httpResponse().toBuilder().putHeader("x-amz-crc32", "12345").build())
                                .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
                                .build();
                    }

                    @Override
                    public void abort() {
                        real.abort();
                    }
                };
            }

            @Override
            public void close() {
            }
        };

        assertThatThrownBy(() -> client(corrupting, 1).listTables())
                .isInstanceOf(SdkClientException.class)
                .satisfies(e -> assertThat(causes(e)).anyMatch(Crc32MismatchException.class::isInstance));
        assertThat(client(http, 1).listTables().tableNames()).containsExactly("orders", "users");
    }

    private static List<Throwable> causes(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    @Test
    void sdkRetriesInjectedThrottlingAndSucceeds() {
        FaultRule rule = new FaultRule(Set.of("ListTables"), Set.of(), new FaultRule.Failure(
                JsonProtocol.THROUGHPUT_EXCEEDED, JsonProtocol.THROUGHPUT_EXCEEDED_MESSAGE, 400),
                new FaultRule.Times(2));
        faults.add(rule);

        assertThat(client(http, 3).listTables().tableNames()).containsExactly("orders", "users");
        assertThat(rule.injected()).isEqualTo(2);
        assertThat(calls).containsExactly("ListTables");
    }

    @Test
    void sdkSurfacesThrottlingWhenRetriesRunOut() {
        faults.add(new FaultRule(Set.of(), Set.of(), new FaultRule.Failure(JsonProtocol.THROUGHPUT_EXCEEDED,
                JsonProtocol.THROUGHPUT_EXCEEDED_MESSAGE, 400), new FaultRule.Always()));

        assertThatThrownBy(() -> client(http, 2).listTables())
                .isInstanceOf(ProvisionedThroughputExceededException.class)
                .hasMessageContaining("The level of configured provisioned throughput for the table was exceeded");
        assertThat(calls).isEmpty();
    }

    @Test
    void sdkRetriesServerErrors() {
        FaultRule rule = new FaultRule(Set.of(), Set.of(), new FaultRule.Failure(JsonProtocol.INTERNAL_SERVER_ERROR,
                JsonProtocol.INTERNAL_SERVER_ERROR_MESSAGE, 500), new FaultRule.Always());
        faults.add(rule);

        assertThatThrownBy(() -> client(http, 4).listTables())
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(500);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalServerError");
                });
        assertThat(rule.injected()).isEqualTo(4);
    }

    @Test
    void sdkReadsUnprocessedItems() {
        faults.add(new FaultRule(Set.of("BatchWriteItem"), Set.of(), new FaultRule.Unprocessed(0),
                new FaultRule.Always()));
        WriteRequest write = WriteRequest.builder().putRequest(PutRequest.builder()
                .item(Map.of("id", AttributeValue.fromS("1"))).build()).build();

        BatchWriteItemResponse response = client(http, 1).batchWriteItem(b -> b.requestItems(Map.of("users",
                List.of(write))));

        assertThat(response.unprocessedItems()).isEqualTo(Map.of("users", List.of(write)));
        assertThat(calls).isEmpty();
    }

    @Test
    void passesTheRawRequestThrough() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(software.amazon.awssdk.http.SdkHttpRequest.builder()
                        .method(software.amazon.awssdk.http.SdkHttpMethod.POST)
                        .uri(URI.create("http://anything:1234/"))
                        .putHeader("Content-Type", "application/x-amz-json-1.0")
                        .putHeader("x-amz-target", "DynamoDB_20120810.ListTables")
                        .build())
                .contentStreamProvider(software.amazon.awssdk.http.ContentStreamProvider.fromByteArray(body))
                .build()).call();

        // no signature: the in-process path applies the same checks as HTTP
        assertThat(response.httpResponse().statusCode()).isEqualTo(400);
        assertThat(response.httpResponse().statusText()).contains("Bad Request");
        byte[] answer = response.responseBody().orElseThrow().readAllBytes();
        assertThat(new String(answer, StandardCharsets.UTF_8)).contains("MissingAuthenticationTokenException");
        assertThat(response.httpResponse().firstMatchingHeader("Content-Length"))
                .contains(Integer.toString(answer.length));
        assertThat(response.httpResponse().firstMatchingHeader("x-amz-crc32"))
                .contains(Long.toString(Requests.crc32(answer)));
        assertThat(http.clientName()).isEqualTo("DynamiteLocal");
    }
}
