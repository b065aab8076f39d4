package dev.dynamite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dynamite.TestModels.Profile;
import dev.dynamite.core.internal.GlobalRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;

/**
 * What an endpoint that refuses or never answers does to a client (no server involved: a closed port, and a socket that
 * accepts and stays silent). The life cycle against a real server is in it/integration's {@code ClientLifecycleIT}.
 */
class UnreachableEndpointTest {
    private final List<Dynamite> clients = new ArrayList<>();

    @BeforeEach
    void noGlobalClient() {
        GlobalRegistry.clear();
    }

    @AfterEach
    void tearDown() {
        clients.forEach(Dynamite::disconnect);
        GlobalRegistry.clear();
    }

    private Dynamite track(Dynamite dynamite) {
        clients.add(dynamite);
        return dynamite;
    }

    @Test
    void refusedConnectionFailsWithTheSdkErrorAfterTheConfiguredAttempts() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Dynamite dynamite = track(new Dynamite(DynamiteConfig.builder()
                .region("us-east-1").endpoint("http://127.0.0.1:" + port).credentials("test", "test")
                .maxAttempts(2).retryMode(RetryMode.STANDARD).requestTimeout(Duration.ofMillis(500))
                .tables(Profile.class).build()));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(dynamite::sync)
                        .isInstanceOf(SdkClientException.class)
                        .hasRootCauseInstanceOf(ConnectException.class));
    }

    @Test
    void silentServerFailsWithinRequestTimeoutTimesAttempts() throws Exception {
        ServerSocket silent = new ServerSocket(0);
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (!silent.isClosed()) {
                    accepted.add(silent.accept());  // accept and never answer
                }
            } catch (IOException closed) {
                // accept() throws once the test closes the socket: that ends this thread
                assertThat(silent.isClosed()).isTrue();
            }
        });
        acceptor.start();
        try {
            Dynamite dynamite = track(new Dynamite(DynamiteConfig.builder()
                    .region("us-east-1").endpoint("http://127.0.0.1:" + silent.getLocalPort())
                    .credentials("test", "test")
                    .maxAttempts(2).requestTimeout(Duration.ofMillis(300))
                    .tables(Profile.class).build()));

            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                    assertThatThrownBy(dynamite::plan).isInstanceOf(ApiCallAttemptTimeoutException.class));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(accepted).hasSize(2);
        } finally {
            silent.close();
            acceptor.join(5_000);
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
