package dev.dynamite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.dynamite.TestModels.Order;
import dev.dynamite.TestModels.User;
import dev.dynamite.TestModels.Profile;
import dev.dynamite.TestModels.Project;
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

/** The client's life cycle against the real server, and what a bad endpoint does. */
class ClientIT {
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
    void isReadyOnlyAfterConnectAndSync() {
        Dynamite dynamite = track(new Dynamite(TestServer.config()
                .tables(User.class, Order.class, Profile.class, Project.class).build()));
        assertThat(dynamite.isReady()).isFalse();

        dynamite.connect();
        assertThat(dynamite.isReady()).isFalse();
        assertThat(Dynamite.getGlobalClient()).isSameAs(dynamite.getClient());

        dynamite.sync();
        assertThat(dynamite.isReady()).isTrue();
        assertThat(Table.model(User.class).tableName()).isEqualTo(dynamite.config().tablePrefix() + "users");
        assertThat(dynamite.getClient().describeTable(b -> b.tableName(Table.model(Order.class).tableName()))
                .table().globalSecondaryIndexes()).hasSize(1);

        dynamite.disconnect();
        assertThat(dynamite.isReady()).isFalse();
        assertThat(Dynamite.hasGlobalClient()).isFalse();
        dynamite.disconnect();
        assertThat(Dynamite.hasGlobalClient()).isFalse();

        dynamite.connect();
        dynamite.sync();
        assertThat(dynamite.isReady()).isTrue();
        TestServer.dropTables(dynamite.getClient(), dynamite.config().tablePrefix());
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
