package dev.dynamite.local.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
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

    /** A raw request of ListTables with the given extra header lines and body, as a client would write it. */
    private static String rawListTables(String extraHeaders, String body) {
        return "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: DynamoDB_20120810.ListTables\r\nX-Amz-Date: 20240101T000000Z\r\n"
                + "Authorization: " + Requests.AUTH + "\r\n" + extraHeaders + "\r\n" + body;
    }

    /** Reads one response: its head, then as many body bytes as its Content-Length says. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside a response head: " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    @Test
    void oneConnectionServesRequestsOneAfterAnotherAndChunkedBodies() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String body = "{\"Limit\":1}";
            out.write(rawListTables("Content-Length: " + body.length() + "\r\n", body)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200 OK\r\n")
                    .endsWith("{\"Operation\":\"ListTables\",\"Request\":{\"Limit\":1}}");

            // the same connection: a chunked body in two chunks, with an extension and a trailer
            out.write(rawListTables("Transfer-Encoding: chunked\r\n", "5;x=y\r\n{\"Lim\r\n7\r\nit\":2}\r\n"
                    + "0\r\nX-Trailer: t\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200 OK\r\n")
                    .endsWith("\"Request\":{\"Limit\":2}}");

            // HEAD (which the protocol does not serve): the head only, and the connection still serves
            out.write("HEAD / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            out.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            String headAnswer = readResponse(new InputStream() {   // a HEAD answer has a length but no body
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public byte[] readNBytes(int length) {
                    return new byte[0];
                }
            });
            assertThat(headAnswer).startsWith("HTTP/1.1 404 Not Found\r\n").endsWith("\r\n\r\n");
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200 OK\r\n").endsWith(JsonProtocol.HEALTH);
        }
    }

    @Test
    void expectContinueIsAnsweredAndConnectionCloseCloses() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String body = "{}";
            out.write(rawListTables("Expect: 100-continue\r\nConnection: close\r\nContent-Length: 2\r\n", "")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(new String(in.readNBytes(25), StandardCharsets.ISO_8859_1))
                    .isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200 OK\r\n").contains("Connection: close\r\n");
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void whatIsNotHttpIsAnswered400AndTheConnectionClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write("HELLO\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 400 Bad Request\r\n");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        // and the server goes on serving
        assertThat(send(post(server.endpoint(), "ListTables", "{}").build()).statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyLargerThanTheProtocolAcceptsIs413() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(rawListTables("Content-Length: " + (JsonProtocol.MAX_REQUEST_BYTES + 1)
                    + "\r\n", "").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 413 ");
        }
    }

    @Test
    void closeEndsOpenConnections() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            String body = "{}";
            socket.getOutputStream().write(rawListTables("Content-Length: 2\r\n", body)
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200 OK\r\n");

            server.close();

            socket.setSoTimeout(5000);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }
}
