package dev.dynamite.examples;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.examples.model.Order;
import dev.dynamite.examples.model.User;
import dev.dynamite.local.DynamoDbLocal;
import java.io.PrintStream;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The seed's "basic application setup": configure a client from the environment, connect, show what sync will do,
 * sync, and show the tables it made.
 *
 * <p>By default it runs on dynamite-local, the embedded engine, in-process: nothing to install or start. Environment:
 * {@code DYNAMODB_ENDPOINT} (any DynamoDB-compatible endpoint, e.g. a dynalite or a real region's; set, the embedded
 * engine is not used), {@code AWS_REGION} (default {@code us-east-1}), {@code AWS_ACCESS_KEY_ID}/{@code
 * AWS_SECRET_ACCESS_KEY} (default {@code test}/{@code test} with an endpoint, else the SDK's credentials chain),
 * {@code DYNAMITE_TABLE_PREFIX}.
 */
public final class QuickstartApp {
    private QuickstartApp() {
    }

    /**
     * Runs the example with the process environment, printing to standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        run(System.getenv(), System.out);
    }

    /**
     * Runs the example.
     *
     * @param env the environment to read the configuration from
     * @param out where to print what happens
     */
    public static void run(Map<String, String> env, PrintStream out) {
        String endpoint = env.get("DYNAMODB_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            out.println("Backend: " + endpoint);
            run(configFrom(env).build(), out);
            return;
        }
        try (DynamoDbLocal local = DynamoDbLocal.create()) {
            out.println("Backend: dynamite-local, the embedded engine (set DYNAMODB_ENDPOINT to use another)");
            run(configFrom(env).configure(local::configure).build(), out);
        }
    }

    private static void run(DynamiteConfig config, PrintStream out) {
        out.println("Configuration: " + config);
        try (Dynamite dynamite = new Dynamite(config)) {
            dynamite.connect();
            out.println("Connected; global client set: " + Dynamite.hasGlobalClient());

            out.println("Sync plan:");
            out.println(dynamite.plan());
            dynamite.sync();
            out.println("Database ready: " + dynamite.isReady());

            for (String table : new String[] {User.model.tableName(), Order.model.tableName()}) {
                TableDescription description = dynamite.getClient().describeTable(b -> b.tableName(table)).table();
                out.println("Table " + table + ": " + description.tableStatus() + ", key " + description.keySchema()
                        .stream().map(k -> k.attributeName() + " " + k.keyType()).toList() + ", indexes "
                        + description.globalSecondaryIndexes().stream()
                        .map(GlobalSecondaryIndexDescription::indexName).toList());
            }
            out.println("Plan after sync:");
            out.println(dynamite.plan());
        }
        out.println("Disconnected; global client set: " + Dynamite.hasGlobalClient());
    }

    static DynamiteConfig.Builder configFrom(Map<String, String> env) {
        DynamiteConfig.Builder builder = DynamiteConfig.builder()
                .region(env.getOrDefault("AWS_REGION", "us-east-1"))
                .tablePrefix(env.getOrDefault("DYNAMITE_TABLE_PREFIX", ""))
                .tables(User.class, Order.class);
        String endpoint = env.get("DYNAMODB_ENDPOINT");
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpoint(endpoint);
        }
        String keyId = env.get("AWS_ACCESS_KEY_ID");
        if (keyId != null) {
            builder.credentials(keyId, env.getOrDefault("AWS_SECRET_ACCESS_KEY", ""), env.get("AWS_SESSION_TOKEN"));
        } else if (endpoint != null && !endpoint.isBlank()) {
            builder.credentials("test", "test");
        }
        return builder;
    }
}
