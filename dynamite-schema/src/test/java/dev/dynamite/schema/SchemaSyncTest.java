package dev.dynamite.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.IndexSort;
import dev.dynamite.annotation.Name;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.api.SyncTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.invocation.Invocation;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableResponse;

/**
 * {@link SchemaSync} against a mocked client. {@code SchemaSync} calls the {@code Consumer<Builder>} overloads, which
 * are default methods of {@link DynamoDbClient} building the request and calling the request overload; the mock
 * therefore calls real methods and the request overloads are stubbed with {@code doReturn/doAnswer(…).when(…)}
 * (a {@code when(client.describeTable(…))} would run the real default method, which throws). A class-wide timeout
 * turns a wait that never ends into a failure instead of a hung build.
 */
@Timeout(30)
class SchemaSyncTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    static class User {
        @PrimaryKey String id;
        @HasMany(model = Order.class, foreignKey = "userId") List<Order> orders;
    }

    static class Order {
        @PrimaryKey String id;
        @IndexSort @Name("placed_at") String placedAt;
        @Name("user_id") String userId;
        String status;
    }

    static class Shipment {
        @PrimaryKey String id;
        String orderId;
        String carrierId;
    }

    static class Shipper {
        @PrimaryKey String id;
        @HasMany(model = Shipment.class, foreignKey = "orderId") List<Shipment> byOrder;
        @HasMany(model = Shipment.class, foreignKey = "carrierId") List<Shipment> byCarrier;
    }

    private static final Schema SHOP = Schema.of(List.of(User.class, Order.class), KeyTypeStrategies.named("string"), "");

    private DynamoDbClient client;
    /** Per table, what the next DescribeTable calls return (a TableDescription) or throw; the last one repeats. */
    private final Map<String, Deque<Object>> describes = new HashMap<>();
    /** The tables whose last outcome has been returned at least once. */
    private final Set<String> drained = new HashSet<>();

    @BeforeEach
    void mockClient() {
        client = mock(DynamoDbClient.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
        doAnswer(invocation -> {
            String table = invocation.<DescribeTableRequest>getArgument(0).tableName();
            Deque<Object> outcomes = describes.get(table);
            assertThat(outcomes).as("DescribeTable of unexpected table %s", table).isNotNull();
            Object outcome;
            if (outcomes.size() > 1) {
                outcome = outcomes.poll();
            } else {
                outcome = outcomes.peek();
                drained.add(table);
            }
            if (outcome instanceof RuntimeException e) {
                throw e;
            }
            return DescribeTableResponse.builder().table((TableDescription) outcome).build();
        }).when(client).describeTable(any(DescribeTableRequest.class));
        doReturn(CreateTableResponse.builder().build()).when(client).createTable(any(CreateTableRequest.class));
        doReturn(UpdateTableResponse.builder().build()).when(client).updateTable(any(UpdateTableRequest.class));
    }

    private void describe(String table, Object... outcomes) {
        describes.put(table, new ArrayDeque<>(Arrays.asList(outcomes)));
    }

    // ---------------------------------------------------------------- table descriptions

    private static ResourceNotFoundException notFound(String table) {
        return ResourceNotFoundException.builder().message("Requested resource not found: Table: " + table).build();
    }

    private static AttributeDefinition attr(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static GlobalSecondaryIndexDescription index(String name, String attribute, IndexStatus status) {
        return GlobalSecondaryIndexDescription.builder().indexName(name).keySchema(key(attribute, KeyType.HASH))
                .indexStatus(status).build();
    }

    private static TableDescription users(TableStatus status) {
        return TableDescription.builder().tableName("users").tableStatus(status)
                .keySchema(key("id", KeyType.HASH))
                .attributeDefinitions(attr("id", ScalarAttributeType.S)).build();
    }

    private static TableDescription orders(TableStatus status, GlobalSecondaryIndexDescription... indexes) {
        TableDescription.Builder b = TableDescription.builder().tableName("orders").tableStatus(status)
                .keySchema(key("id", KeyType.HASH), key("placed_at", KeyType.RANGE))
                .attributeDefinitions(attr("id", ScalarAttributeType.S), attr("placed_at", ScalarAttributeType.S),
                        attr("user_id", ScalarAttributeType.S));
        if (indexes.length > 0) {
            b.globalSecondaryIndexes(indexes);
        }
        return b.build();
    }

    /** Asserts that every outcome given for a table was seen: the wait went on until the last, ready one. */
    private void assertDrained(String table) {
        assertThat(drained).as("DescribeTable of %s reached its last outcome", table).contains(table);
    }

    private List<String> calledMethods() {
        return mockingDetails(client).getInvocations().stream()
                .map(Invocation::getMethod).map(java.lang.reflect.Method::getName).distinct().toList();
    }

    // ---------------------------------------------------------------- (a) adding a missing index

    @Test
    void addsAMissingIndexWithUpdateTableAndWaitsForIt() {
        describe("users", users(TableStatus.ACTIVE));
        describe("orders",
                orders(TableStatus.ACTIVE),                                            // exists, no index
                orders(TableStatus.ACTIVE),                                            // UpdateTable not seen yet
                orders(TableStatus.UPDATING, index("GSI1_user_id", "user_id", IndexStatus.CREATING)),
                orders(TableStatus.ACTIVE, index("GSI1_user_id", "user_id", IndexStatus.CREATING)),
                orders(TableStatus.ACTIVE, index("GSI1_user_id", "user_id", IndexStatus.ACTIVE)));

        SyncPlan done = new SchemaSync(client, TIMEOUT).apply(SHOP);

        ArgumentCaptor<UpdateTableRequest> update = ArgumentCaptor.forClass(UpdateTableRequest.class);
        verify(client).updateTable(update.capture());
        UpdateTableRequest request = update.getValue();
        assertThat(request.tableName()).isEqualTo("orders");
        assertThat(request.attributeDefinitions()).containsExactly(attr("user_id", ScalarAttributeType.S));
        assertThat(request.globalSecondaryIndexUpdates()).singleElement().satisfies(u -> {
            CreateGlobalSecondaryIndexAction create = u.create();
            assertThat(create).isNotNull();
            assertThat(create.indexName()).isEqualTo("GSI1_user_id");
            assertThat(create.keySchema()).containsExactly(key("user_id", KeyType.HASH));
            assertThat(create.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });
        verify(client, never()).createTable(any(CreateTableRequest.class));
        assertDrained("orders");

        assertThat(done.changes()).containsExactly(
                new TableChange.UpToDate("users"),
                new TableChange.AddIndex("orders",
                        new IndexDefinition("GSI1_user_id", new KeyAttribute("user_id", ScalarAttributeType.S))));
        assertThat(done.isUpToDate()).isFalse();
        assertThat(done.changes(TableChange.AddIndex.class)).singleElement()
                .extracting(TableChange.AddIndex::table).isEqualTo("orders");
    }

    @Test
    void addsSeveralIndexesOneAtATime() {
        Schema schema = Schema.of(List.of(Shipper.class, Shipment.class), KeyTypeStrategies.named("string"), "");
        TableDescription.Builder shipments = TableDescription.builder().tableName("shipments")
                .tableStatus(TableStatus.ACTIVE).keySchema(key("id", KeyType.HASH))
                .attributeDefinitions(attr("id", ScalarAttributeType.S));
        describe("shippers", TableDescription.builder().tableName("shippers").tableStatus(TableStatus.ACTIVE)
                .keySchema(key("id", KeyType.HASH)).attributeDefinitions(attr("id", ScalarAttributeType.S)).build());
        describe("shipments",
                shipments.build(),
                shipments.build(),                                                     // UpdateTable not seen yet
                shipments.globalSecondaryIndexes(index("GSI1_orderId", "orderId", IndexStatus.ACTIVE)).build(),
                shipments.globalSecondaryIndexes(index("GSI1_orderId", "orderId", IndexStatus.ACTIVE),
                        index("GSI2_carrierId", "carrierId", IndexStatus.CREATING)).build(),
                shipments.globalSecondaryIndexes(index("GSI1_orderId", "orderId", IndexStatus.ACTIVE),
                        index("GSI2_carrierId", "carrierId", IndexStatus.ACTIVE)).build());

        SyncPlan done = new SchemaSync(client, TIMEOUT).apply(schema);

        ArgumentCaptor<UpdateTableRequest> updates = ArgumentCaptor.forClass(UpdateTableRequest.class);
        InOrder order = inOrder(client);
        order.verify(client).updateTable(updates.capture());
        order.verify(client).describeTable(any(DescribeTableRequest.class));
        order.verify(client).updateTable(updates.capture());
        assertThat(updates.getAllValues()).allSatisfy(u -> assertThat(u.globalSecondaryIndexUpdates()).hasSize(1));
        assertThat(updates.getAllValues()).extracting(u -> u.globalSecondaryIndexUpdates().get(0).create().indexName())
                .containsExactly("GSI1_orderId", "GSI2_carrierId");
        assertThat(done.changes(TableChange.AddIndex.class)).hasSize(2);
        assertDrained("shipments");
    }

    // ---------------------------------------------------------------- (b) creating a missing table

    @Test
    void createsAMissingTableWithKeysAndIndexesAndWaitsForIt() {
        describe("users", users(TableStatus.ACTIVE));
        describe("orders", notFound("orders"), orders(TableStatus.CREATING),
                orders(TableStatus.ACTIVE, index("GSI1_user_id", "user_id", IndexStatus.ACTIVE)));

        SyncPlan done = new SchemaSync(client, TIMEOUT).apply(SHOP);

        ArgumentCaptor<CreateTableRequest> create = ArgumentCaptor.forClass(CreateTableRequest.class);
        verify(client).createTable(create.capture());
        CreateTableRequest request = create.getValue();
        assertThat(request.tableName()).isEqualTo("orders");
        assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(request.keySchema()).containsExactly(key("id", KeyType.HASH), key("placed_at", KeyType.RANGE));
        assertThat(request.attributeDefinitions()).containsExactly(attr("id", ScalarAttributeType.S),
                attr("placed_at", ScalarAttributeType.S), attr("user_id", ScalarAttributeType.S));
        assertThat(request.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
            assertThat(gsi.indexName()).isEqualTo("GSI1_user_id");
            assertThat(gsi.keySchema()).containsExactly(key("user_id", KeyType.HASH));
            assertThat(gsi.projection().projectionType()).isEqualTo(ProjectionType.ALL);
        });
        assertThat(request.provisionedThroughput()).isNull();
        verify(client, never()).updateTable(any(UpdateTableRequest.class));
        assertDrained("orders");

        assertThat(done.changes()).containsExactly(new TableChange.CreateTable(SHOP.table(Order.class)),
                new TableChange.UpToDate("users"));
    }

    @Test
    void createsATableWithoutIndexesWithoutAnIndexList() {
        describe("users", notFound("users"), users(TableStatus.ACTIVE));
        describe("orders", orders(TableStatus.ACTIVE, index("GSI1_user_id", "user_id", IndexStatus.ACTIVE)));

        new SchemaSync(client, TIMEOUT).apply(SHOP);

        ArgumentCaptor<CreateTableRequest> create = ArgumentCaptor.forClass(CreateTableRequest.class);
        verify(client).createTable(create.capture());
        assertThat(create.getValue().tableName()).isEqualTo("users");
        assertThat(create.getValue().keySchema()).containsExactly(key("id", KeyType.HASH));
        assertThat(create.getValue().attributeDefinitions()).containsExactly(attr("id", ScalarAttributeType.S));
        assertThat(create.getValue().hasGlobalSecondaryIndexes()).isFalse();
    }

    // ---------------------------------------------------------------- (c) a table created concurrently

    @Test
    void aTableCreatedConcurrentlyIsAwaitedNotFailed() {
        describe("users", users(TableStatus.ACTIVE));
        describe("orders", notFound("orders"), orders(TableStatus.CREATING),
                orders(TableStatus.ACTIVE, index("GSI1_user_id", "user_id", IndexStatus.ACTIVE)));
        doThrow(ResourceInUseException.builder().message("Table already exists: orders").build())
                .when(client).createTable(any(CreateTableRequest.class));

        SyncPlan done = new SchemaSync(client, TIMEOUT).apply(SHOP);

        verify(client, times(1)).createTable(any(CreateTableRequest.class));
        verify(client, never()).updateTable(any(UpdateTableRequest.class));
        assertDrained("orders");
        assertThat(done.changes()).containsExactly(new TableChange.UpToDate("users"),
                new TableChange.UpToDate("orders"));
        assertThat(done.isUpToDate()).isTrue();
    }

    @Test
    void aTableThatWasDeletingIsCreatedAgain() {
        describe("users", users(TableStatus.ACTIVE));
        describe("orders", orders(TableStatus.DELETING), notFound("orders"), orders(TableStatus.CREATING),
                orders(TableStatus.ACTIVE, index("GSI1_user_id", "user_id", IndexStatus.ACTIVE)));

        SyncPlan done = new SchemaSync(client, TIMEOUT).apply(SHOP);

        ArgumentCaptor<CreateTableRequest> create = ArgumentCaptor.forClass(CreateTableRequest.class);
        verify(client).createTable(create.capture());
        assertThat(create.getValue().tableName()).isEqualTo("orders");
        assertDrained("orders");
        assertThat(done.changes()).containsExactlyInAnyOrder(new TableChange.UpToDate("users"),
                new TableChange.CreateTable(SHOP.table(Order.class)));
    }

    // ---------------------------------------------------------------- (d) timeouts

    @Test
    void anIndexThatNeverAppearsTimesOutNamingTheTable() {
        describe("users", users(TableStatus.ACTIVE));
        describe("orders", orders(TableStatus.ACTIVE));
        long start = System.nanoTime();

        SyncTimeoutException e = catchThrowableOfType(SyncTimeoutException.class,
                () -> new SchemaSync(client, Duration.ofMillis(300)).apply(SHOP));

        assertThat(e).isNotNull();
        assertThat(e.table()).isEqualTo("orders");
        assertThat(e.getMessage()).contains("'orders'", "user_id", "syncTimeout");
        verify(client).updateTable(any(UpdateTableRequest.class));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aTableThatStaysCreatingTimesOut() {
        describe("users", notFound("users"), users(TableStatus.CREATING));
        describe("orders", orders(TableStatus.ACTIVE, index("GSI1_user_id", "user_id", IndexStatus.ACTIVE)));

        assertThatThrownBy(() -> new SchemaSync(client, Duration.ofMillis(300)).apply(SHOP))
                .isInstanceOfSatisfying(SyncTimeoutException.class, e -> assertThat(e.table()).isEqualTo("users"))
                .hasMessageContaining("CREATING");
    }

    @Test
    void aTableThatNeverAppearsAfterCreateTableTimesOut() {
        describe("users", notFound("users"));
        describe("orders", orders(TableStatus.ACTIVE, index("GSI1_user_id", "user_id", IndexStatus.ACTIVE)));

        assertThatThrownBy(() -> new SchemaSync(client, Duration.ofMillis(200)).apply(SHOP))
                .isInstanceOfSatisfying(SyncTimeoutException.class, e -> assertThat(e.table()).isEqualTo("users"))
                .hasMessageContaining("does not exist");
    }

    // ---------------------------------------------------------------- (e) reusing an index of another name

    @Test
    void reusesAnExistingIndexWithTheSameKeySchemaWhateverItsName() {
        describe("users", users(TableStatus.ACTIVE));
        describe("orders", orders(TableStatus.ACTIVE, index("byUser", "user_id", IndexStatus.ACTIVE)));

        SchemaSync sync = new SchemaSync(client, TIMEOUT);
        SyncPlan plan = sync.plan(SHOP);
        SyncPlan done = sync.apply(SHOP);

        verify(client, never()).updateTable(any(UpdateTableRequest.class));
        verify(client, never()).createTable(any(CreateTableRequest.class));
        assertThat(plan.changes()).containsExactly(new TableChange.UpToDate("users"), new TableChange.UpToDate("orders"));
        assertThat(done).isEqualTo(plan);
        assertThat(done.isUpToDate()).isTrue();
    }

    @Test
    void anIndexWithTheWantedNameOnAnotherAttributeGetsAFreeName() {
        describe("users", users(TableStatus.ACTIVE));
        describe("orders", orders(TableStatus.ACTIVE, index("GSI1_user_id", "status", IndexStatus.ACTIVE)));

        SyncPlan plan = new SchemaSync(client, TIMEOUT).plan(SHOP);

        assertThat(plan.changes(TableChange.AddIndex.class)).singleElement().satisfies(add -> {
            assertThat(add.index().name()).isEqualTo("GSI2_user_id");
            assertThat(add.index().partitionKey()).isEqualTo(new KeyAttribute("user_id", ScalarAttributeType.S));
        });
    }

    // ---------------------------------------------------------------- (f) key mismatches

    @Test
    void reportsAKeyMismatchAndChangesNothing() {
        describe("users", TableDescription.builder().tableName("users").tableStatus(TableStatus.ACTIVE)
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .attributeDefinitions(attr("pk", ScalarAttributeType.S), attr("sk", ScalarAttributeType.N)).build());
        describe("orders", orders(TableStatus.ACTIVE, index("GSI1_user_id", "user_id", IndexStatus.ACTIVE)));

        SyncPlan done = new SchemaSync(client, TIMEOUT).apply(SHOP);

        assertThat(done.changes(TableChange.KeyMismatch.class)).singleElement().satisfies(m -> {
            assertThat(m.table()).isEqualTo("users");
            assertThat(m.problem()).contains("HASH key is pk (S), the model declares id (S)",
                    "RANGE key is sk (N), the model declares none");
        });
        assertThat(done.changes()).contains(new TableChange.UpToDate("orders"));
        assertThat(done.isUpToDate()).isTrue();
        assertThat(calledMethods()).containsOnly("describeTable");
    }

    @Test
    void reportsAKeyTypeMismatch() {
        Schema nativeShop = Schema.of(List.of(Counter.class), KeyTypeStrategies.named("native"), "");
        describe("counters", TableDescription.builder().tableName("counters").tableStatus(TableStatus.ACTIVE)
                .keySchema(key("id", KeyType.HASH)).attributeDefinitions(attr("id", ScalarAttributeType.S)).build());

        SyncPlan plan = new SchemaSync(client, TIMEOUT).plan(nativeShop);

        assertThat(plan.changes()).containsExactly(new TableChange.KeyMismatch("counters",
                "HASH key is id (S), the model declares id (N)"));
    }

    static class Counter {
        @PrimaryKey long id;
    }

    @Test
    void reportsAnIndexOnTheRightAttributeWithTheWrongType() {
        describe("users", users(TableStatus.ACTIVE));
        describe("orders", TableDescription.builder().tableName("orders").tableStatus(TableStatus.ACTIVE)
                .keySchema(key("id", KeyType.HASH), key("placed_at", KeyType.RANGE))
                .attributeDefinitions(attr("id", ScalarAttributeType.S), attr("placed_at", ScalarAttributeType.S),
                        attr("user_id", ScalarAttributeType.N))
                .globalSecondaryIndexes(index("legacy", "user_id", IndexStatus.ACTIVE)).build());

        SyncPlan done = new SchemaSync(client, TIMEOUT).apply(SHOP);

        assertThat(done.changes(TableChange.KeyMismatch.class)).singleElement().satisfies(m -> {
            assertThat(m.table()).isEqualTo("orders");
            assertThat(m.problem()).contains("legacy", "user_id (N)", "user_id (S)");
        });
        assertThat(calledMethods()).containsOnly("describeTable");
    }

    // ---------------------------------------------------------------- (g) other AWS errors

    private static DynamoDbException validation(String message) {
        return (DynamoDbException) DynamoDbException.builder().message(message).statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException").errorMessage(message)
                        .serviceName("DynamoDB").build())
                .build();
    }

    @Test
    void aValidationExceptionFromCreateTablePropagatesUnchanged() {
        describe("users", notFound("users"));
        DynamoDbException thrown = validation("One or more parameter values were invalid");
        doThrow(thrown).when(client).createTable(any(CreateTableRequest.class));

        DynamoDbException e = catchThrowableOfType(DynamoDbException.class,
                () -> new SchemaSync(client, TIMEOUT).apply(SHOP));

        assertThat(e).isSameAs(thrown);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
    }

    @Test
    void aFailedUpdateTablePropagatesWhenTheIndexIsStillMissing() {
        describe("users", users(TableStatus.ACTIVE));
        describe("orders", orders(TableStatus.ACTIVE));
        DynamoDbException thrown = validation("Attempting to create an index which already exists");
        doThrow(thrown).when(client).updateTable(any(UpdateTableRequest.class));

        assertThatThrownBy(() -> new SchemaSync(client, TIMEOUT).apply(SHOP)).isSameAs(thrown);
    }

    @Test
    void aFailedUpdateTableIsToleratedWhenAnotherProcessAddedTheIndex() {
        describe("users", users(TableStatus.ACTIVE));
        describe("orders", orders(TableStatus.ACTIVE),
                orders(TableStatus.ACTIVE, index("GSI1_user_id", "user_id", IndexStatus.CREATING)),
                orders(TableStatus.ACTIVE, index("GSI1_user_id", "user_id", IndexStatus.ACTIVE)));
        doThrow(validation("Attempting to create an index which already exists"))
                .when(client).updateTable(any(UpdateTableRequest.class));

        SyncPlan done = new SchemaSync(client, TIMEOUT).apply(SHOP);

        assertThat(done.changes(TableChange.AddIndex.class)).hasSize(1);
        assertDrained("orders");
    }

    @Test
    void anErrorOtherThanNotFoundFromDescribeTablePropagates() {
        DynamoDbException thrown = (DynamoDbException) DynamoDbException.builder().message("denied").statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("UnrecognizedClientException").build()).build();
        describe("users", thrown);

        assertThatThrownBy(() -> new SchemaSync(client, TIMEOUT).plan(SHOP)).isSameAs(thrown);
    }

    // ---------------------------------------------------------------- (h) plan is read-only

    @Test
    void planOnlyDescribesTables() {
        describe("users", notFound("users"));
        describe("orders", orders(TableStatus.ACTIVE));

        SyncPlan plan = new SchemaSync(client, TIMEOUT).plan(SHOP);

        assertThat(plan.changes()).containsExactly(
                new TableChange.CreateTable(SHOP.table(User.class)),
                new TableChange.AddIndex("orders",
                        new IndexDefinition("GSI1_user_id", new KeyAttribute("user_id", ScalarAttributeType.S))));
        assertThat(plan.isUpToDate()).isFalse();
        assertThat(calledMethods()).containsOnly("describeTable");
        verify(client, times(2)).describeTable(any(DescribeTableRequest.class));
        verify(client, never()).createTable(any(CreateTableRequest.class));
        verify(client, never()).updateTable(any(UpdateTableRequest.class));
    }

    @Test
    void planOfMatchingTablesIsUpToDate() {
        describe("users", users(TableStatus.ACTIVE));
        describe("orders", orders(TableStatus.ACTIVE, index("GSI1_user_id", "user_id", IndexStatus.ACTIVE)));

        SyncPlan plan = new SchemaSync(client, TIMEOUT).plan(SHOP);

        assertThat(plan.isUpToDate()).isTrue();
        assertThat(plan.changes()).containsExactly(new TableChange.UpToDate("users"), new TableChange.UpToDate("orders"));
        assertThat(plan.toString()).contains("table users is up to date", "table orders is up to date");
    }

    // ---------------------------------------------------------------- construction

    @Test
    void rejectsANonPositiveTimeout() {
        assertThatThrownBy(() -> new SchemaSync(client, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> new SchemaSync(client, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SchemaSync(null, TIMEOUT)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theMockedConsumerOverloadsReachTheRequestOverloads() {
        describe("users", users(TableStatus.ACTIVE));

        TableDescription table = client.describeTable(b -> b.tableName("users")).table();

        assertThat(table.tableName()).isEqualTo("users");
        verify(client).describeTable(DescribeTableRequest.builder().tableName("users").build());
    }
}
