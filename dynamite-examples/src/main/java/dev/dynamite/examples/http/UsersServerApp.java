package dev.dynamite.examples.http;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.examples.model.Order;
import dev.dynamite.examples.model.User;
import dev.dynamite.local.DynamoDbLocal;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs {@link UsersServer} until the process is stopped (SIGTERM or Ctrl-C): then the server stops and Dynamite
 * disconnects, as the seed's shutdown handler does. On the embedded engine unless {@code DYNAMODB_ENDPOINT} is set;
 * {@code PORT} (default 8080; 0 picks a free port, printed at start).
 */
public final class UsersServerApp {
    private UsersServerApp() {
    }

    /**
     * Starts the server and waits for the process to be stopped.
     *
     * @param args ignored
     * @throws IOException if the port cannot be bound
     * @throws InterruptedException if interrupted while waiting
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> env = System.getenv();
        String endpoint = env.get("DYNAMODB_ENDPOINT");
        DynamoDbLocal local = endpoint == null || endpoint.isBlank() ? DynamoDbLocal.create() : null;
        DynamiteConfig.Builder config = DynamiteConfig.builder().region(env.getOrDefault("AWS_REGION", "us-east-1"))
                .tables(User.class, Order.class);
        if (local != null) {
            config.configure(local::configure);
        } else {
            config.endpoint(endpoint).credentials(env.getOrDefault("AWS_ACCESS_KEY_ID", "test"),
                    env.getOrDefault("AWS_SECRET_ACCESS_KEY", "test"));
        }
        Dynamite dynamite = new Dynamite(config.build());
        dynamite.connect();
        dynamite.sync();
        UsersServer server = UsersServer.start(Integer.parseInt(env.getOrDefault("PORT", "8080")));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Shutting down: stopping the server, disconnecting from DynamoDB");
            server.close();
            dynamite.disconnect();
            System.out.println("Disconnected; global client set: " + Dynamite.hasGlobalClient());
            if (local != null) {
                local.close();
            }
            stopped.countDown();
        }, "users-server-shutdown"));
        System.out.println("Listening on http://127.0.0.1:" + server.port() + "/users (stop with Ctrl-C or SIGTERM)");
        stopped.await();
    }
}
