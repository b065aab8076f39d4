package dev.dynamite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.TestModels.User;
import dev.dynamite.api.NoClientException;
import dev.dynamite.core.internal.GlobalRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The client's state and the global registry, with no request sent (building an SDK client does no I/O). */
class DynamiteTest {

    @BeforeEach
    @AfterEach
    void noGlobalClient() {
        GlobalRegistry.clear();
    }

    private static Dynamite client(String prefix) {
        return new Dynamite(DynamiteConfig.builder()
                .region("eu-west-1").endpoint("http://127.0.0.1:1").credentials("a", "b")
                .tablePrefix(prefix).tables(User.class).build());
    }

    @Test
    void requireClientFailsWithTheSeedMessageWhenNothingIsConnected() {
        assertThat(Dynamite.hasGlobalClient()).isFalse();
        assertThatThrownBy(Dynamite::requireClient).isInstanceOf(NoClientException.class)
                .hasMessage("DynamoDB client not configured: call Dynamite.connect() first");
        assertThatThrownBy(Dynamite::getGlobalClient).isInstanceOf(NoClientException.class);
        assertThatThrownBy(() -> Table.model(User.class).tableName()).isInstanceOf(NoClientException.class);
    }

    @Test
    void setGlobalClientInstallsAPlainSdkClient() {
        try (DynamoDbClient sdk = DynamoDbClient.builder().region(Region.US_EAST_1).build()) {
            Dynamite.setGlobalClient(sdk);
            assertThat(Dynamite.hasGlobalClient()).isTrue();
            assertThat(Dynamite.getGlobalClient()).isSameAs(sdk);
            assertThat(Dynamite.requireClient()).isSameAs(sdk);
            assertThat(Table.model(User.class).tableName()).isEqualTo("users");
            assertThat(Table.model(User.class).client()).isSameAs(sdk);
        }
    }

    @Test
    void laterConnectReplacesTheGlobalClientAndDisconnectClearsOnlyItsOwn() {
        Model<User> users = Table.model(User.class);   // declared before any client exists
        Dynamite first = client("one_");
        Dynamite second = client("two_");

        first.connect();
        first.connect();   // idempotent
        assertThat(Dynamite.getGlobalClient()).isSameAs(first.getClient());
        assertThat(users.tableName()).isEqualTo("one_users");

        second.connect();
        assertThat(Dynamite.getGlobalClient()).isSameAs(second.getClient());
        assertThat(users.tableName()).isEqualTo("two_users");

        first.disconnect();   // not the current global client: leaves it alone
        assertThat(Dynamite.getGlobalClient()).isSameAs(second.getClient());

        second.disconnect();
        assertThat(Dynamite.hasGlobalClient()).isFalse();
        second.disconnect();   // safe twice
        second.close();
        assertThat(Dynamite.hasGlobalClient()).isFalse();
    }

    @Test
    void aDisconnectedClientRefusesWorkUntilConnectedAgain() {
        Dynamite dynamite = client("");
        DynamoDbClient before = dynamite.getClient();
        dynamite.disconnect();

        assertThatThrownBy(dynamite::getClient).isInstanceOf(NoClientException.class).hasMessageContaining("connect()");
        assertThatThrownBy(dynamite::sync).isInstanceOf(NoClientException.class);
        assertThat(dynamite.isReady()).isFalse();

        dynamite.connect();
        assertThat(dynamite.getClient()).isNotSameAs(before);
        assertThat(Dynamite.getGlobalClient()).isSameAs(dynamite.getClient());
        dynamite.disconnect();
    }

    @Test
    void aBoundModelUsesItsOwnClientNotTheGlobalOne() {
        Dynamite bound = client("bound_");
        Dynamite global = client("global_");
        global.connect();

        Model<User> users = bound.model(User.class);
        assertThat(users.type()).isEqualTo(User.class);
        assertThat(users.tableName()).isEqualTo("bound_users");
        assertThat(users.client()).isSameAs(bound.getClient());
        assertThat(users.metadata().partitionKey().name()).isEqualTo("id");
        bound.disconnect();
        global.disconnect();
    }

    @Test
    void configurationReachesTheSdkClient() {
        ExecutionInterceptor marker = new ExecutionInterceptor() { };
        Dynamite dynamite = new Dynamite(DynamiteConfig.builder()
                .region("eu-west-1").endpoint("http://127.0.0.1:8000")
                .credentials("AKID", "SECRET", "TOKEN")
                .maxAttempts(4).requestTimeout(Duration.ofMillis(1500))
                .configure(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(marker)))
                .tables(User.class).build());
        var sdk = dynamite.getClient().serviceClientConfiguration();

        assertThat(sdk.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(sdk.endpointOverride()).contains(URI.create("http://127.0.0.1:8000"));
        AwsCredentialsIdentity identity = sdk.credentialsProvider().resolveIdentity().join();
        assertThat(identity).isInstanceOfSatisfying(AwsSessionCredentials.class, c -> {
            assertThat(c.accessKeyId()).isEqualTo("AKID");
            assertThat(c.secretAccessKey()).isEqualTo("SECRET");
            assertThat(c.sessionToken()).isEqualTo("TOKEN");
        });
        ClientOverrideConfiguration override = sdk.overrideConfiguration();
        assertThat(override.apiCallAttemptTimeout()).contains(Duration.ofMillis(1500));
        assertThat(override.retryStrategy()).hasValueSatisfying(s -> assertThat(s.maxAttempts()).isEqualTo(4));
        assertThat(override.executionInterceptors()).contains(marker);
        dynamite.disconnect();
    }
}
