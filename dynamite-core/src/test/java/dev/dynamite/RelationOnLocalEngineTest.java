package dev.dynamite;

import dev.dynamite.local.DynamoDbLocal;
import org.junit.jupiter.api.AfterAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Includes on the embedded engine, in process. */
class RelationOnLocalEngineTest extends RelationContract {
    private final DynamoDbLocal local = DynamoDbLocal.create();

    @Override
    protected DynamiteConfig.Builder config() {
        return DynamiteConfig.builder().configure(local::configure).tablePrefix(TestServer.uniquePrefix());
    }

    @Override
    protected DynamoDbClient rawClient() {
        return local.client();
    }

    @AfterAll
    void closeEngine() {
        local.close();
    }
}
