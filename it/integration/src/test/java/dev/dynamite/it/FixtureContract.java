package dev.dynamite.it;

import dev.dynamite.Dynamite;
import dev.dynamite.test.RequestLog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The base of this module's test classes: each subclass is a {@code @DynamiteTest} that names its backend and models
 * (the contract suites run once on dynalite, {@code *IT}, and once on the embedded engine, {@code *OnLocalEngineTest}),
 * and this base keeps what the fixture injects before the class, for the tests to share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FixtureContract {
    protected Dynamite dynamite;
    /** The calls of {@link #dynamite}'s client. */
    protected RequestLog log;
    /** The same client, used as a plain SDK client to look behind Dynamite's back. */
    protected DynamoDbClient raw;

    @BeforeAll
    void fixture(Dynamite dynamite, RequestLog log) {
        this.dynamite = dynamite;
        this.log = log;
        this.raw = dynamite.getClient();
    }
}
