package dev.dynamite;

import dev.dynamite.local.DynamoDbLocal;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The server a contract suite runs against: the dynalite that {@code scripts/test.sh} started, or an embedded engine
 * of the suite's own. Every configuration it gives has a table prefix no other test uses.
 */
interface Server extends AutoCloseable {

    /** A configuration of this server, with a fresh table prefix. */
    DynamiteConfig.Builder config();

    /** A plain SDK client of this server, to look behind Dynamite's back; the caller closes it. */
    DynamoDbClient rawClient();

    @Override
    void close();

    /** dynalite, named by {@code DYNAMITE_TEST_ENDPOINT}. */
    static Server dynalite() {
        return new Server() {
            @Override
            public DynamiteConfig.Builder config() {
                return TestServer.config();
            }

            @Override
            public DynamoDbClient rawClient() {
                return TestServer.rawClient();
            }

            @Override
            public void close() {
                // dynalite belongs to scripts/test.sh, which stops it
            }
        };
    }

    /** A new embedded engine, in process, closed with the suite. */
    static Server embedded() {
        DynamoDbLocal local = DynamoDbLocal.create();
        return new Server() {
            @Override
            public DynamiteConfig.Builder config() {
                return DynamiteConfig.builder().configure(local::configure).tablePrefix(TestServer.uniquePrefix());
            }

            @Override
            public DynamoDbClient rawClient() {
                return local.client();
            }

            @Override
            public void close() {
                local.close();
            }
        };
    }
}
