package dev.dynamite.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HTTP example as its users run it: its own JVM on the module path, stopped with SIGTERM, which must stop the
 * server and disconnect from DynamoDB (the seed's shutdown handler).
 */
class UsersServerAppIT {
    private static final Pattern LISTENING = Pattern.compile("Listening on http://127\\.0\\.0\\.1:(\\d+)/users.*");

    @Test
    void servesUntilSigtermThenStopsTheServerAndDisconnects() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        String modulePath = System.getProperty("examples.module.path");   // the example's jar and its runtime path
        assertThat(modulePath).as("set by the build (pom.xml)").isNotBlank();
        ProcessBuilder builder = new ProcessBuilder(java, "--module-path", modulePath, "--module",
                "dev.dynamite.examples/dev.dynamite.examples.http.UsersServerApp").redirectErrorStream(true);
        builder.environment().remove("DYNAMODB_ENDPOINT");   // the embedded engine
        builder.environment().put("PORT", "0");
        Process app = builder.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(app.getInputStream(),
                StandardCharsets.UTF_8))) {
            int port = -1;
            while (port < 0) {
                String line = lines.readLine();
                if (line == null) {
                    break;
                }
                output.add(line);
                Matcher listening = LISTENING.matcher(line);
                if (listening.matches()) {
                    port = Integer.parseInt(listening.group(1));
                }
            }
            assertThat(port).as("the app started: %s", output).isPositive();

            HttpURLConnection post = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/users").toURL()
                    .openConnection();
            post.setRequestMethod("POST");
            post.setDoOutput(true);
            try (OutputStream body = post.getOutputStream()) {
                body.write("{\"name\":\"Ada\",\"email\":\"ada@example.com\"}".getBytes(StandardCharsets.UTF_8));
            }
            assertThat(post.getResponseCode()).isEqualTo(201);

            app.toHandle().destroy();   // SIGTERM on Linux and macOS; Process.destroy() would also close the output
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("the app stops within 30 s").isTrue();
            lines.lines().forEach(output::add);
        } finally {
            app.destroyForcibly();
        }
        assertThat(output).containsSubsequence(
                "Shutting down: stopping the server, disconnecting from DynamoDB",
                "Disconnected; global client set: false");
    }
}
