package dev.dynamite.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged jar with {@code java -jar}, alone on the class path, as a separate process. */
class CliIT {
    private static final Path JAR = Path.of(System.getProperty("dynamite.local.jar", "target/dynamite-local.jar"));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Process start(List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(JAVA);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        return builder.start();
    }

    private static String firstLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).get(30, TimeUnit.SECONDS);
    }

    private static HttpResponse<String> call(URI endpoint, String operation, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("X-Amz-Date", "20240101T000000Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=a/20240101/us-east-1/dynamodb/aws4_request,"
                        + " SignedHeaders=host;x-amz-date;x-amz-target, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void jarIsRunnableAndThin() throws Exception {
        assertThat(JAR).exists();
        try (JarFile jar = new JarFile(JAR.toFile())) {
            Manifest manifest = jar.getManifest();
            assertThat(manifest.getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("dev.dynamite.local.internal.protocol.Main");
            assertThat(manifest.getMainAttributes().getValue("Class-Path")).isNull();
            assertThat(jar.getEntry("software/amazon/awssdk/http/SdkHttpClient.class")).isNull();
        }
    }

    @Test
    void servesHttpWithoutTheSdk(@TempDir Path temp) throws Exception {
        Path classLog = temp.resolve("classes.log");
        Process process = start(List.of("-Xlog:class+load=info:file=" + classLog), "--port", "0",
                "--create-table-ms", "0");
        try {
            String line = firstLine(process);
            assertThat(line).matches("http://127\\.0\\.0\\.1:\\d+");
            URI endpoint = URI.create(line);

            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(endpoint).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).isEqualTo("healthy: dynamodb.us-east-1.amazonaws.com ");

            HttpResponse<String> created = call(endpoint, "CreateTable", "{\"TableName\":\"users\","
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
                    + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}],"
                    + "\"BillingMode\":\"PAY_PER_REQUEST\"}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            HttpResponse<String> listed = call(endpoint, "ListTables", "{}");
            assertThat(listed.statusCode()).isEqualTo(200);
            assertThat(listed.body()).isEqualTo("{\"TableNames\":[\"users\"]}");
            assertThat(listed.headers().firstValue("x-amz-crc32")).isPresent();
            HttpResponse<String> unknown = call(endpoint, "Frobnicate", "{}");
            assertThat(unknown.body()).contains("UnknownOperationException");
        } finally {
            process.destroy();
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        // the whole HTTP path ran without loading a single AWS SDK class
        List<String> loaded = Files.readAllLines(classLog);
        assertThat(loaded).anyMatch(l -> l.contains("dev.dynamite.local.internal.protocol.JsonProtocol"));
        assertThat(loaded).noneMatch(l -> l.contains("software.amazon"));
    }

    @Test
    void helpAndBadArguments() throws Exception {
        Process help = start(List.of(), "--help");
        assertThat(help.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).isZero();
        assertThat(new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("--port");

        Process bad = start(List.of(), "--prot", "1");
        assertThat(bad.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.exitValue()).isEqualTo(2);
        assertThat(new String(bad.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("unknown option '--prot'").contains("usage:");
    }

    @Test
    void busyPortExitsWithAnError() throws Exception {
        try (DynamoDbLocal local = DynamoDbLocal.create()) {
            int port = local.startHttp(0).getPort();
            Process process = start(List.of(), "--port", Integer.toString(port));
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("cannot listen on 127.0.0.1:" + port);
        }
    }
}
