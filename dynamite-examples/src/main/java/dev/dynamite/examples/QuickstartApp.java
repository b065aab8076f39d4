package dev.dynamite.examples;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.api.Include;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.api.TransactionCanceledException;
import dev.dynamite.examples.model.Address;
import dev.dynamite.examples.money.Money;
import java.math.BigDecimal;
import dev.dynamite.examples.model.Order;
import dev.dynamite.examples.model.User;
import dev.dynamite.local.DynamoDbLocal;
import java.io.PrintStream;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The seed's "basic application setup" and item life cycle: configure a client from the environment, connect, show
 * what sync will do, sync, show the tables it made, then create a user and an order, update the user, soft-delete and
 * restore it.
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
            workWithItems(dynamite, out);
        }
        out.println("Disconnected; global client set: " + Dynamite.hasGlobalClient());
    }

    /** The seed's item life cycle: create, read back, update, soft-delete, restore. */
    private static void workWithItems(Dynamite dynamite, PrintStream out) {
        User ada = User.model.create(Map.of("name", "Ada Lovelace", "email", "  Ada@Example.com ",
                "address", new Address("12 St James's Square", "London"),
                "credit", new Money(new BigDecimal("12.50"), "GBP")));
        out.println("Created user: " + ada.toJson());
        Order order = Order.model.create(Map.of("userId", ada.id, "total", 42.5));
        out.println("Created order: " + order.toJson());

        User loaded = User.model.find(ada.id).orElseThrow();
        out.println("Found user " + loaded.id + ": " + loaded.name + " <" + loaded.email + ">, role " + loaded.role
                + ", lives in " + loaded.address.city() + ", credit " + loaded.credit);
        loaded.role = "admin";
        out.println("Saved role change: " + loaded.save() + "; updatedAt " + loaded.updatedAt);
        out.println("Stored item: " + dynamite.getClient().getItem(b -> b.tableName(User.model.tableName())
                .key(Map.of("id", AttributeValue.fromS(ada.id)))).item());

        loaded.destroy();
        out.println("Soft-deleted: find -> " + User.model.find(ada.id).isPresent() + ", onlyTrashed -> "
                + User.model.onlyTrashed(Map.of("id", ada.id)).size() + ", deletedAt " + loaded.deletedAt);
        loaded.restore();
        out.println("Restored: find -> " + User.model.find(ada.id).isPresent());
        try {
            User.model.create(Map.of("name", "Nobody", "email", "not-an-address"));
        } catch (ModelValidationException e) {
            out.println("Refused: " + e.getMessage());
        }

        try {
            transactions(dynamite, out);
        } catch (DynamoDbException e) {
            if (e.awsErrorDetails() == null || !"UnknownOperationException".equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
            out.println("Transactions skipped: this backend has no TransactWriteItems (" + e.awsErrorDetails()
                    .errorCode() + ")");
        }
    }

    /** The seed's transaction (a user and two orders, all or nothing), one that rolls back, and an include. */
    private static void transactions(Dynamite dynamite, PrintStream out) {
        User grace = dynamite.tx(tx -> {
            User u = User.model.create(Map.of("name", "Grace Hopper", "email", "grace@example.com"), tx);
            Order.model.create(Map.of("userId", u.id, "total", 12.5), tx);
            Order.model.create(Map.of("userId", u.id, "total", 30.0, "status", "shipped"), tx);
            return u;
        });
        out.println("Transaction committed: user " + grace.name + " with "
                + Order.model.where(Map.of("userId", grace.id)).size() + " orders");
        try {
            dynamite.tx(tx -> {
                Order.model.create(Map.of("userId", grace.id, "total", 99.0), tx);
                User.model.create(Map.of("id", grace.id, "name", "Impostor", "email", "x@example.com"), tx);
                return null;
            });
        } catch (TransactionCanceledException e) {
            out.println("Transaction rolled back: " + e.failures().get(0).code() + " on action "
                    + e.failures().get(0).index() + "; orders of " + grace.name + " still "
                    + Order.model.where(Map.of("userId", grace.id)).size());
        }
        // the seed's query: the user with the orders still pending
        User withOrders = User.model.where(Map.of("id", grace.id), QueryOptions.builder()
                .include("orders", Include.where(Map.of("status", "pending")))
                .build()).get(0);
        out.println("User with pending orders: " + withOrders.orders.size() + " (" + withOrders.toJson() + ")");
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
