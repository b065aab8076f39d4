package dev.dynamite.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dynamite.Dynamite;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Runs the quickstart against the test server, as the README's example command does against its own dynalite. */
class QuickstartAppIT {

    @Test
    void runsOnTheEmbeddedEngineByDefault() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        QuickstartApp.run(Map.of(), new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(buffer.toString(StandardCharsets.UTF_8)).containsSubsequence(
                "Backend: dynamite-local, the embedded engine",
                "- create table users [HASH id (S)]",
                "- create table orders [HASH id (S)] [GSI1_user_id on user_id (S)]",
                "Database ready: true",
                "Table orders: ACTIVE, key [id HASH], indexes [GSI1_user_id]",
                "- table orders is up to date",
                "Created user: {\"id\":\"",
                "\"email\":\"ada@example.com\",\"role\":\"customer\",\"address\":{\"street\":\"12 St James's Square\","
                        + "\"city\":\"London\"}",
                "Created order: ",
                "\"status\":\"pending\"",
                "role customer, lives in London, credit 12.50 GBP",
                "Saved role change: true",
                "Stored item: ",
                "role=AttributeValue(S=admin), address=AttributeValue(M={street=AttributeValue(S=12 St James's Square),"
                        + " city=AttributeValue(S=London)}), credit=AttributeValue(S=12.50 GBP)",
                "Soft-deleted: find -> false, onlyTrashed -> 1, deletedAt 20",
                "Restored: find -> true",
                "Refused: User.email: 'not-an-address' is not an e-mail address",
                "Transaction committed: user Grace Hopper with 2 orders",
                "Transaction rolled back: ConditionalCheckFailed on action 2; orders of Grace Hopper still 2",
                "User with pending orders: 1 (",
                "\"orders\":[{",
                "\"total\":12.5,\"status\":\"pending\"",
                "Disconnected; global client set: false");
    }

    @Test
    void theJacksonCodecIsFoundWithoutBeingRequired() {
        // the address field above is stored as a DynamoDB map only because dynamite-codec-jackson was found by
        // service binding; the example module does not require it
        assertThat(QuickstartApp.class.getModule().getDescriptor().requires())
                .extracting(java.lang.module.ModuleDescriptor.Requires::name)
                .doesNotContain("dev.dynamite.codec.jackson");
        assertThat(ModuleLayer.boot().findModule("dev.dynamite.codec.jackson")).isPresent();
    }

    @Test
    void connectsSyncsAndPrintsThePlanOnAnEndpoint() {
        String endpoint = System.getenv("DYNAMITE_TEST_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            fail("DYNAMITE_TEST_ENDPOINT is not set: run the integration tests with scripts/test.sh");
        }
        String prefix = "qs_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();

        QuickstartApp.run(Map.of("DYNAMODB_ENDPOINT", endpoint, "DYNAMITE_TABLE_PREFIX", prefix),
                new PrintStream(buffer, true, StandardCharsets.UTF_8));

        String output = buffer.toString(StandardCharsets.UTF_8);
        assertThat(output).containsSubsequence(
                "Backend: " + endpoint,
                "Connected; global client set: true",
                "Sync plan:",
                "- create table " + prefix + "users [HASH id (S)]",
                "- create table " + prefix + "orders [HASH id (S)] [GSI1_user_id on user_id (S)]",
                "Database ready: true",
                "Table " + prefix + "users: ACTIVE, key [id HASH], indexes []",
                "Table " + prefix + "orders: ACTIVE, key [id HASH], indexes [GSI1_user_id]",
                "Plan after sync:",
                "- table " + prefix + "users is up to date",
                "- table " + prefix + "orders is up to date",
                "Saved role change: true",
                "Soft-deleted: find -> false, onlyTrashed -> 1",
                "Restored: find -> true",
                "Transactions skipped: this backend has no TransactWriteItems (UnknownOperationException)",
                "Disconnected; global client set: false");
        assertThat(output).doesNotContain("test\"", "secret");
        assertThat(Dynamite.hasGlobalClient()).isFalse();
    }
}
