package dev.dynamite;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Queries against dynalite. */
class QueryIT extends QueryContract {
    @Override
    protected DynamiteConfig.Builder config() {
        return TestServer.config();
    }

    @Override
    protected DynamoDbClient rawClient() {
        return TestServer.rawClient();
    }
}
