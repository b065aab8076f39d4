package dev.dynamite;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The model runtime against dynalite (tables stay CREATING for dynalite's default 500 ms, so sync must wait). */
class ModelRuntimeIT extends ModelRuntimeContract {
    @Override
    protected DynamiteConfig.Builder config() {
        return TestServer.config();
    }

    @Override
    protected DynamoDbClient rawClient() {
        return TestServer.rawClient();
    }
}
