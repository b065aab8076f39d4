package dev.dynamite;

import dev.dynamite.core.internal.GlobalRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The base of the contract suites that run once on dynalite ({@code *IT}) and once on the embedded engine
 * ({@code *OnLocalEngineTest}): a connected, synced client with a request log, a raw client of the same server, and
 * the tables dropped afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServerContract {
    protected final RequestLog log = new RequestLog();
    protected final Server server;
    protected Dynamite dynamite;
    protected DynamoDbClient raw;

    ServerContract(Server server) {
        this.server = server;
    }

    /** A configuration of the server under test, with a fresh table prefix. */
    protected DynamiteConfig.Builder config() {
        return server.config();
    }

    /** Connects and syncs a client for the models, its requests logged. */
    protected void start(Class<?>... models) {
        dynamite = new Dynamite(config().tables(models)
                .configure(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(log))).build());
        dynamite.connect();
        dynamite.sync();
        raw = server.rawClient();
    }

    @AfterAll
    void stop() {
        try {
            TestServer.dropTables(raw, dynamite.config().tablePrefix());
            dynamite.disconnect();
            raw.close();
        } finally {
            server.close();
            GlobalRegistry.clear();
        }
    }
}
