package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.api.ModelNotRegisteredException;
import dev.dynamite.it.SyncModels.Coupon;
import dev.dynamite.it.SyncModels.Event;
import dev.dynamite.it.SyncModels.Order;
import dev.dynamite.it.SyncModels.OrderV2;
import dev.dynamite.it.SyncModels.Profile;
import dev.dynamite.it.SyncModels.Project;
import dev.dynamite.it.SyncModels.TooShort;
import dev.dynamite.it.SyncModels.Unkeyed;
import dev.dynamite.it.SyncModels.User;
import dev.dynamite.schema.SyncPlan;
import dev.dynamite.schema.TableChange;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * {@code sync()} and {@code plan()} against the real server of {@code DYNAMITE_TEST_ENDPOINT} (dynalite in CI, which
 * keeps new tables CREATING for its default 500 ms, so a sync that did not wait for ACTIVE is caught here). Each test
 * builds its own clients from injected configurations, so every test starts from no tables.
 */
@DynamiteTest(backend = Backend.ENDPOINT, models = {User.class, Order.class, Profile.class, Project.class})
class SyncIT extends FixtureContract {
    private final List<Dynamite> clients = new ArrayList<>();
    /** The table prefix of this test: that of the first client it builds; later clients share it. */
    private String prefix;

    @BeforeEach
    void setUp() {
        log.clear();
        prefix = null;
    }

    @AfterEach
    void tearDown() {
        clients.forEach(Dynamite::disconnect);
        clients.clear();
    }

    private Dynamite dynamite(DynamiteConfig.Builder config) {
        if (prefix != null) {
            config.tablePrefix(prefix);
        }
        Dynamite dynamite = new Dynamite(config.build());
        prefix = dynamite.config().tablePrefix();
        clients.add(dynamite);
        return dynamite;
    }

    private Dynamite shopClient(DynamiteConfig.Builder config) {
        return dynamite(config.tables(User.class, Order.class, Profile.class, Project.class));
    }

    private TableDescription describe(String table) {
        return raw.describeTable(b -> b.tableName(prefix + table)).table();
    }

    private static Map<String, String> keys(List<KeySchemaElement> schema) {
        return schema.stream().collect(Collectors.toMap(KeySchemaElement::attributeName, KeySchemaElement::keyTypeAsString));
    }

    private static Map<String, ScalarAttributeType> types(TableDescription table) {
        return table.attributeDefinitions().stream()
                .collect(Collectors.toMap(AttributeDefinition::attributeName, AttributeDefinition::attributeType));
    }

    @Test
    void createsTablesKeysAndIndexesAndWaitsUntilActive(DynamiteConfig.Builder config) {
        shopClient(config).sync();

        TableDescription users = describe("users");
        assertThat(users.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(users.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(keys(users.keySchema())).containsExactly(Map.entry("id", "HASH"));
        assertThat(types(users)).containsExactly(Map.entry("id", ScalarAttributeType.S));
        assertThat(users.globalSecondaryIndexes()).isEmpty();

        TableDescription orders = describe("orders");
        assertThat(orders.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(types(orders)).containsOnly(Map.entry("id", ScalarAttributeType.S),
                Map.entry("user_id", ScalarAttributeType.S));
        assertThat(orders.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
            assertThat(gsi.indexName()).isEqualTo("GSI1_user_id");
            assertThat(keys(gsi.keySchema())).containsExactly(Map.entry("user_id", "HASH"));
            assertThat(gsi.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });

        // Profile is keyed by the HasOne's foreign key: no index needed
        TableDescription profiles = describe("profiles");
        assertThat(keys(profiles.keySchema())).containsExactly(Map.entry("userId", "HASH"));
        assertThat(profiles.globalSecondaryIndexes()).isEmpty();

        // one pivot table for both sides of the many-to-many, indexed on each foreign key
        TableDescription pivot = describe("user_projects");
        assertThat(keys(pivot.keySchema())).containsExactly(Map.entry("id", "HASH"));
        assertThat(pivot.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactly("GSI1_userId", "GSI2_projectId");
        assertThat(types(pivot)).containsOnly(Map.entry("id", ScalarAttributeType.S),
                Map.entry("userId", ScalarAttributeType.S), Map.entry("projectId", ScalarAttributeType.S));
        assertThat(log.count("CreateTable")).isEqualTo(5);
    }

    @Test
    void compositeKeysFollowTheKeyTypeStrategy(DynamiteConfig.Builder config, DynamiteConfig.Builder nativeKeys) {
        dynamite(config.tables(Event.class)).sync();
        TableDescription events = describe("events");
        assertThat(keys(events.keySchema())).containsOnly(Map.entry("tenant", "HASH"), Map.entry("sequence", "RANGE"));
        assertThat(types(events)).containsOnly(Map.entry("tenant", ScalarAttributeType.S),
                Map.entry("sequence", ScalarAttributeType.S));

        prefix = null;   // the native-key client gets tables of its own
        dynamite(nativeKeys.tables(Event.class).keyTypeStrategy("native")).sync();
        assertThat(types(describe("events"))).containsOnly(Map.entry("tenant", ScalarAttributeType.S),
                Map.entry("sequence", ScalarAttributeType.N));
    }

    @Test
    void secondSyncOnlyReads(DynamiteConfig.Builder first, DynamiteConfig.Builder second) {
        shopClient(first).sync();
        log.clear();

        Dynamite again = shopClient(second);
        again.sync();

        assertThat(log.operations()).containsOnly("DescribeTable");
        assertThat(log.count("DescribeTable")).isEqualTo(5);
    }

    @Test
    void planChangesNothingAndMatchesWhatSyncDoes(DynamiteConfig.Builder config) {
        Dynamite dynamite = shopClient(config);
        SyncPlan plan = dynamite.plan();

        assertThat(plan.isUpToDate()).isFalse();
        assertThat(plan.changes(TableChange.CreateTable.class)).extracting(TableChange::table)
                .containsExactly(prefix + "users", prefix + "orders", prefix + "profiles", prefix + "projects",
                        prefix + "user_projects");
        assertThat(log.operations()).containsOnly("DescribeTable");
        assertThatThrownBy(() -> describe("users")).isInstanceOf(ResourceNotFoundException.class);

        dynamite.sync();
        SyncPlan after = dynamite.plan();
        assertThat(after.isUpToDate()).isTrue();
        assertThat(after.changes(TableChange.UpToDate.class)).hasSize(5);
    }

    @Test
    void addsAMissingIndexToAnExistingTable(DynamiteConfig.Builder earlier, DynamiteConfig.Builder current) {
        // the table exists from an earlier version of the model, without the index the Coupon relation needs
        dynamite(earlier.tables(OrderV2.class)).sync();
        assertThat(describe("orders").globalSecondaryIndexes()).isEmpty();
        log.clear();

        Dynamite later = dynamite(current.tables(OrderV2.class, Coupon.class));
        assertThat(later.plan().changes(TableChange.AddIndex.class)).singleElement()
                .satisfies(add -> assertThat(add.index().name()).isEqualTo("GSI1_couponCode"));

        // dynalite 4.0.0 departs from DynamoDB here (recorded in README.md): it demands a ProvisionedThroughput in
        // a GSI Create even on a PAY_PER_REQUEST table, where DynamoDB forbids one, and even then never adds the
        // index. So against dynalite we check the exact request DynamoDB expects, and that the server's error comes
        // back unchanged instead of a false success; SchemaSyncTest covers the path where the index turns ACTIVE.
        assertThatThrownBy(later::sync).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.getMessage()).contains("provisionedThroughput");
        });
        assertThat(later.isReady()).isFalse();
        UpdateTableRequest update = log.requests(UpdateTableRequest.class).get(0);
        assertThat(log.count("UpdateTable")).isEqualTo(1);
        assertThat(update.tableName()).isEqualTo(prefix + "orders");
        assertThat(update.attributeDefinitions()).containsExactly(AttributeDefinition.builder()
                .attributeName("couponCode").attributeType(ScalarAttributeType.S).build());
        assertThat(update.globalSecondaryIndexUpdates()).singleElement().satisfies(u -> {
            assertThat(u.create().indexName()).isEqualTo("GSI1_couponCode");
            assertThat(keys(u.create().keySchema())).containsExactly(Map.entry("couponCode", "HASH"));
            assertThat(u.create().projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });
        assertThat(log.requests(CreateTableRequest.class)).extracting(CreateTableRequest::tableName)
                .containsExactly(prefix + "coupons");
    }

    @Test
    void twoClientsSyncingTheSameTablesConcurrentlyBothSucceed(DynamiteConfig.Builder one, DynamiteConfig.Builder two)
            throws Exception {
        Dynamite first = shopClient(one);
        Dynamite second = shopClient(two);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Void>> runs = pool.invokeAll(List.<Callable<Void>>of(
                    () -> { first.sync(); return null; },
                    () -> { second.sync(); return null; }));
            for (Future<Void> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(describe("users").tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(describe("user_projects").globalSecondaryIndexes()).hasSize(2);
        assertThat(first.plan().isUpToDate()).isTrue();
    }

    @Test
    void reportsKeyMismatchesWithoutTouchingTheTable(DynamiteConfig.Builder config) {
        Dynamite dynamite = shopClient(config);
        raw.createTable(b -> b.tableName(prefix + "users").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("email")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("email").keyType(KeyType.HASH).build()));

        dynamite.sync();

        assertThat(dynamite.plan().changes(TableChange.KeyMismatch.class)).singleElement().satisfies(m -> {
            assertThat(m.table()).isEqualTo(prefix + "users");
            assertThat(m.problem()).contains("HASH key is email (S), the model declares id (S)");
        });
        assertThat(keys(describe("users").keySchema())).containsExactly(Map.entry("email", "HASH"));
        assertThat(log.requests(UpdateTableRequest.class)).isEmpty();
    }

    @Test
    void awsErrorsPropagateWithTheirErrorCode(DynamiteConfig.Builder config) {
        Dynamite dynamite = dynamite(config.tables(TooShort.class));
        assertThatThrownBy(dynamite::sync)
                .isInstanceOfSatisfying(DynamoDbException.class, e ->
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThat(dynamite.isReady()).isFalse();
    }

    @Test
    void aModelWithoutPartitionKeyFailsSyncBeforeAnyRequest(DynamiteConfig.Builder config) {
        Dynamite dynamite = dynamite(config.tables(User.class, Unkeyed.class));
        assertThatThrownBy(dynamite::sync)
                .isInstanceOf(ModelNotRegisteredException.class)
                .hasMessageContaining(Unkeyed.class.getName())
                .hasMessageContaining("@PrimaryKey");
        assertThat(log.operations()).isEmpty();
    }
}
