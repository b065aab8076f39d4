package dev.dynamite.local.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP transport over a fake engine, spoken to in raw HTTP. */
class HttpTransportTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final FaultInjector faults = new FaultInjector();
    private final HttpTransport server = HttpTransport.start(new JsonProtocol(
            (operation, request) -> echo(operation, request), faults), "127.0.0.1", 0);

    private static Map<String, Object> echo(String operation, Map<String, Object> request) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Operation", operation);
        answer.put("Request", request);
        return answer;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static HttpRequest.Builder post(URI endpoint, String operation, String body) {
        return HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("X-Amz-Date", "20240101T000000Z")
                .header("Authorization", Requests.AUTH)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesTheProtocolWithItsHeaders() throws Exception {
        HttpResponse<byte[]> response = send(post(server.endpoint(), "ListTables", "{\"Limit\":1}").build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"Operation\":\"ListTables\",\"Request\":{\"Limit\":1}}");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/x-amz-json-1.0");
        assertThat(response.headers().firstValue("Content-Length"))
                .contains(Integer.toString(response.body().length));
        assertThat(response.headers().firstValue("x-amz-crc32"))
                .contains(Long.toString(Requests.crc32(response.body())));
        assertThat(response.headers().firstValue("x-amzn-RequestId").orElseThrow()).matches("[A-Z0-9]{52}");
    }

    @Test
    void answersEveryPath() throws Exception {
        HttpResponse<byte[]> response = send(post(server.endpoint().resolve("/some/path?x=1"), "ListTables", "{}")
                .build());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void healthCheckAndNotFound() throws Exception {
        HttpResponse<byte[]> health = send(HttpRequest.newBuilder(server.endpoint()).GET().build());
        assertThat(new String(health.body(), StandardCharsets.UTF_8))
                .isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com ");

        HttpResponse<byte[]> wrongType = send(post(server.endpoint(), "ListTables", "{}")
                .setHeader("Content-Type", "text/plain").build());
        assertThat(wrongType.statusCode()).isEqualTo(404);
        assertThat(new String(wrongType.body(), StandardCharsets.UTF_8)).isEqualTo("<UnknownOperationException/>\n");

        HttpResponse<byte[]> delete = send(HttpRequest.newBuilder(server.endpoint()).DELETE().build());
        assertThat(delete.statusCode()).isEqualTo(404);
    }

    @Test
    void errorsKeepTheirStatusOverTheWire() throws Exception {
        faults.add(new FaultRule(Set.of(), Set.of(), new FaultRule.Failure(JsonProtocol.INTERNAL_SERVER_ERROR,
                JsonProtocol.INTERNAL_SERVER_ERROR_MESSAGE, 500), new FaultRule.Times(1)));

        HttpResponse<byte[]> failed = send(post(server.endpoint(), "ListTables", "{}").build());
        HttpResponse<byte[]> unsigned = send(HttpRequest.newBuilder(server.endpoint())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(new String(failed.body(), StandardCharsets.UTF_8)).contains("#InternalServerError");
        assertThat(unsigned.statusCode()).isEqualTo(400);
        assertThat(new String(unsigned.body(), StandardCharsets.UTF_8))
                .contains("com.amazon.coral.service#MissingAuthenticationTokenException");
    }

    @Test
    void servesConcurrentSlowRequestsInParallel() throws Exception {
        faults.add(new FaultRule(Set.of(), Set.of(), new FaultRule.Delay(Duration.ofMillis(300)),
                new FaultRule.Always()));
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            calls.add(HTTP.sendAsync(post(server.endpoint(), "ListTables", "{}").build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (CompletableFuture<HttpResponse<byte[]>> call : calls) {
            assertThat(call.get().statusCode()).isEqualTo(200);
        }
        // serially 32 x 300 ms = 9.6 s
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void closeStopsListening() {
        URI endpoint = server.endpoint();
        assertThat(endpoint.getPort()).isEqualTo(server.port()).isPositive();

        server.close();

        assertThatThrownBy(() -> send(HttpRequest.newBuilder(endpoint).GET().build()))
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void wildcardHostAdvertisesLocalhost() {
        try (HttpTransport any = HttpTransport.start(new JsonProtocol((op, request) -> Map.of(), faults),
                "0.0.0.0", 0)) {
            assertThat(any.endpoint().toString()).isEqualTo("http://localhost:" + any.port());
        }
    }
}
