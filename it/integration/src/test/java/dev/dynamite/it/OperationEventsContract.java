package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Model;
import dev.dynamite.api.ItemAlreadyExistsException;
import dev.dynamite.api.OperationEvent;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.api.RequestEvent;
import dev.dynamite.it.RecordingListener.Recorded;
import dev.dynamite.it.Shop.Customer;
import dev.dynamite.it.Shop.Purchase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * Operation events end to end: each model operation reaches the listeners once, with its plan and what its requests
 * did, counted by the SDK client's interceptor; operations nested in another (an include's reads, a bulk write's
 * per-item writes on worker threads) are part of it.
 */
abstract class OperationEventsContract extends FixtureContract {
    protected final RecordingListener listener = new RecordingListener(true);
    protected Dynamite client;
    protected Model<Customer> customers;
    protected Model<Purchase> purchases;

    @BeforeAll
    void listened(DynamiteConfig.Builder config) {
        client = new Dynamite(config.tables(Customer.class, Purchase.class).listener(listener).writeConcurrency(4)
                .build());
        client.sync();
        customers = client.model(Customer.class);
        purchases = client.model(Purchase.class);
    }

    @AfterAll
    void close() {
        client.close();
    }

    @BeforeEach
    void forget() {
        listener.take();
    }

    private String table(String name) {
        return client.config().tablePrefix() + name;
    }

    private Customer customerWithPurchases(int count) {
        Customer customer = customers.create(Map.of("name", "Ada"));
        for (int i = 0; i < count; i++) {
            purchases.create(Map.of("customerId", customer.id, "total", 10.0 + i));
        }
        listener.take();
        return customer;
    }

    @Test
    void aCreateIsOneOperationOfOnePutWithItsCapacity() {
        customers.create(Map.of("name", "Grace"));

        Recorded recorded = listener.only();
        OperationEvent event = recorded.event();
        assertThat(event.start().model()).isEqualTo(Customer.class);
        assertThat(event.start().operation()).isEqualTo("create");
        assertThat(event.start().table()).isEqualTo(table("customers"));
        assertThat(event.plan()).isEqualTo("PutItem");
        assertThat(event.requests()).isEqualTo(1);
        assertThat(event.itemsWritten()).isEqualTo(1);
        assertThat(event.itemsRead()).isZero();
        assertThat(event.consumedCapacity()).as("asked for, since the listener wants it").isPositive();
        assertThat(event.outcome()).isEqualTo(OperationEvent.Outcome.SUCCESS);
        assertThat(event.error()).isNull();
        assertThat(event.duration()).isPositive();
        assertThat(recorded.requests()).singleElement().satisfies(request -> {
            assertThat(request.request()).isEqualTo("PutItem");
            assertThat(request.table()).isEqualTo(table("customers"));
            assertThat(request.consumedCapacity()).isEqualTo(event.consumedCapacity());
            assertThat(request.retries()).isZero();
            assertThat(request.error()).isNull();
        });
    }

    @Test
    void aFailedCreateEndsInErrorWithWhatItThrew() {
        Customer ada = customerWithPurchases(0);

        assertThatThrownBy(() -> customers.create(Map.of("id", ada.id, "name", "Again")))
                .isInstanceOf(ItemAlreadyExistsException.class);

        OperationEvent event = listener.only().event();
        assertThat(event.outcome()).isEqualTo(OperationEvent.Outcome.ERROR);
        assertThat(event.error()).isInstanceOf(ItemAlreadyExistsException.class);
        assertThat(event.plan()).isEqualTo("PutItem");
        assertThat(event.itemsWritten()).as("the condition failed: nothing written").isZero();
    }

    @Test
    void aFindWithAnIncludeIsOneOperationWhoseRequestsReadTheRelatedItemsToo() {
        Customer ada = customerWithPurchases(3);

        Customer found = customers.find(ada.id, QueryOptions.builder().include("purchases").build()).orElseThrow();

        assertThat(found.purchases).hasSize(3);
        Recorded recorded = listener.only();
        OperationEvent event = recorded.event();
        assertThat(event.start().operation()).isEqualTo("find");
        assertThat(event.start().model()).isEqualTo(Customer.class);
        assertThat(event.itemsRead()).isEqualTo(4);
        assertThat(event.requests()).isEqualTo(recorded.requests().size()).isGreaterThanOrEqualTo(2);
        assertThat(recorded.requests()).extracting(RequestEvent::table).contains(table("purchases"));
        assertThat(event.consumedCapacity()).isPositive();
    }

    @Test
    void aFindByKeyIsOneGetItem() {
        Customer ada = customerWithPurchases(0);

        assertThat(customers.find(ada.id)).isPresent();
        assertThat(customers.find("no-such-id")).isEmpty();

        List<Recorded> both = listener.take();
        assertThat(both).extracting(r -> r.event().plan()).containsExactly("GetItem", "GetItem");
        assertThat(both).extracting(r -> r.event().itemsRead()).containsExactly(1L, 0L);
    }

    @Test
    void aQueryOnAnIndexNamesTheIndexInItsPlan() {
        Customer ada = customerWithPurchases(5);

        assertThat(purchases.where(Map.of("customerId", ada.id))).hasSize(5);

        Recorded recorded = listener.only();
        OperationEvent event = recorded.event();
        assertThat(event.start().operation()).isEqualTo("query");
        assertThat(event.start().model()).isEqualTo(Purchase.class);
        String index = recorded.requests().stream().filter(r -> r.request().equals("Query")).findFirst()
                .orElseThrow().index();
        assertThat(index).isNotNull();
        assertThat(event.plan()).isEqualTo("Query:" + index);
        assertThat(event.itemsRead()).isEqualTo(5);
    }

    @Test
    void aBulkUpdateIsOneOperationWithTheWritesOfItsWorkerThreads() {
        Customer ada = customerWithPurchases(12);

        int updated = purchases.update(Map.of("status", "shipped"), Map.of("customerId", ada.id));

        assertThat(updated).isEqualTo(12);
        Recorded recorded = listener.only();
        OperationEvent event = recorded.event();
        assertThat(event.start().operation()).isEqualTo("bulkUpdate");
        assertThat(event.plan()).startsWith("Query:");
        assertThat(event.itemsWritten()).isEqualTo(12);
        assertThat(recorded.requests()).filteredOn(r -> r.request().equals("UpdateItem")).hasSize(12);
        assertThat(event.requests()).isEqualTo(recorded.requests().size());
    }

    @Test
    void aBatchReadCountsTheItemsOfEachBatchGet() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            ids.add(customers.create(Map.of("name", "c" + i)).id);
        }
        ids.add("missing-" + UUID.randomUUID());
        listener.take();

        assertThat(customers.findAll(ids)).hasSize(130);

        OperationEvent event = listener.only().event();
        assertThat(event.start().operation()).isEqualTo("findAll");
        assertThat(event.plan()).isEqualTo("BatchGetItem");
        assertThat(event.requests()).isGreaterThanOrEqualTo(2);
        assertThat(event.itemsRead()).isEqualTo(130);
    }

    @Test
    void aListenerThatThrowsDoesNotFailTheOperation(DynamiteConfig.Builder config) {
        RecordingListener after = new RecordingListener(false);
        try (Dynamite failing = new Dynamite(config.tables(Customer.class, Purchase.class)
                .tablePrefix(client.config().tablePrefix())
                .listener(start -> {
                    throw new IllegalStateException("listener bug");
                })
                .listener(after).build())) {
            Customer made = failing.model(Customer.class).create(Map.of("name", "Still"));

            assertThat(customers.find(made.id)).isPresent();
            assertThat(after.only().event().plan()).isEqualTo("PutItem");
        }
    }

    @Test
    void withoutAListenerThatWantsItNoCapacityIsAskedFor(DynamiteConfig.Builder config) {
        RecordingListener plain = new RecordingListener(false);
        try (Dynamite quiet = new Dynamite(config.tables(Customer.class, Purchase.class)
                .tablePrefix(client.config().tablePrefix()).listener(plain).build())) {
            quiet.model(Customer.class).create(Map.of("name", "Quiet"));

            OperationEvent event = plain.only().event();
            assertThat(event.plan()).isEqualTo("PutItem");
            assertThat(event.consumedCapacity()).isZero();
        }
    }

    @Test
    void requestsOutsideAnOperationAreNotCounted() {
        client.getClient().describeTable(b -> b.tableName(table("customers")));
        client.getClient().getItem(b -> b.tableName(table("customers"))
                .key(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x")))
                .returnConsumedCapacity(ReturnConsumedCapacity.NONE));

        assertThat(listener.take()).isEmpty();
    }
}
