package dev.dynamite;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Includes against dynalite. */
class RelationIT extends RelationContract {
    @Override
    protected DynamiteConfig.Builder config() {
        return TestServer.config();
    }

    @Override
    protected DynamoDbClient rawClient() {
        return TestServer.rawClient();
    }
}
