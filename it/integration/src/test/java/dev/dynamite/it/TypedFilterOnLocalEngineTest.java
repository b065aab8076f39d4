package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Model;
import dev.dynamite.it.RecordModels.Order;
import dev.dynamite.api.PartialWriteException;
import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.local.Fault;
import dev.dynamite.meta.Filter;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Typed filters and updates on the embedded engine; and, as dynalite has no {@code TransactWriteItems}, typed bulk
 * writes in a transaction; and a typed bulk update whose {@code or} stops holding for one item between the read and
 * its write (another writer changes it), which skips that item.
 */
@DynamiteTest(backend = Backend.EMBEDDED, models = {QueryModels.Person.class, QueryModels.Team.class,
        QueryModels.Reading.class, RecordModels.Buyer.class, RecordModels.Order.class})
class TypedFilterOnLocalEngineTest extends TypedFilterContract {

    @Test
    void aTypedCounterThrottledPartWayReportsWhatItWroteAndARerunFinishes(DynamoDbLocal local,
                                                                           DynamiteConfig.Builder config) {
        try (Dynamite client = new Dynamite(config.tables(RecordModels.Buyer.class, Order.class).maxAttempts(1)
                .writeConcurrency(1).build())) {
            client.sync();
            Model<Order> orders = client.model(Order.class);
            String user = "throttled-" + System.nanoTime();
            for (int i = 0; i < 5; i++) {
                orders.create(Map.of("userId", user, "total", BigDecimal.valueOf(i)));
            }
            local.faults().on("UpdateItem").throttle().after(2).once();
            try {
                assertThatThrownBy(() -> orders.update(RecordModels_Order_.logins.add(1),
                        RecordModels_Order_.userId.eq(user))).isInstanceOfSatisfying(PartialWriteException.class,
                        e -> {
                            assertThat(e.written()).hasSize(2);
                            assertThat(e.notWritten()).hasSize(3);
                            assertThat(e.inDoubt()).isEmpty();
                        });
            } finally {
                local.faults().clear();
            }
            assertThat(orders.where(RecordModels_Order_.userId.eq(user))).extracting(Order::logins)
                    .containsOnly(0, 1).filteredOn(n -> n == 1).hasSize(2);
            // the filter says what is left: the rerun adds to the three not written, and only to them
            assertThat(orders.update(RecordModels_Order_.logins.add(1), RecordModels_Order_.userId.eq(user)
                    .and(RecordModels_Order_.logins.eq(0)))).isEqualTo(3);
            assertThat(orders.where(RecordModels_Order_.userId.eq(user))).extracting(Order::logins).containsOnly(1);
        }
    }

    @Test
    void aTypedInstanceCounterWhoseResponseIsLostIsReportedOnce(DynamoDbLocal local) {
        Order created = orders().create(Map.of("userId", "lost-" + System.nanoTime(), "total", BigDecimal.ONE));
        Fault fault = local.faults().on("UpdateItem").lostResponse().once();
        try {
            Order counted = orders().update(created, RecordModels_Order_.logins.add(4));

            assertThat(fault.injected()).isOne();
            assertThat(counted.logins()).isEqualTo(4);
            assertThat(counted.version()).isEqualTo(2);
            assertThat(orders().find(created.id())).contains(counted);
        } finally {
            local.faults().clear();
        }
    }

    @Test
    void typedBulkWritesInATransactionCommitTogether() {
        String user = "tx-" + System.nanoTime();
        String other = user + "-other";
        orders().create(Map.of("userId", user, "total", BigDecimal.ONE));
        orders().create(Map.of("userId", user, "total", BigDecimal.TEN));
        orders().create(Map.of("userId", other, "total", BigDecimal.ONE));

        int queued = dynamite.tx(tx -> orders().update(RecordModels_Order_.status.set("held"),
                RecordModels_Order_.userId.eq(user), tx)
                + orders().update(RecordModels_Order_.logins.add(3), RecordModels_Order_.userId.eq(other), tx));

        assertThat(queued).isEqualTo(3);
        assertThat(orders().where(RecordModels_Order_.userId.eq(user))).extracting(Order::status)
                .containsOnly("held").hasSize(2);
        assertThat(orders().where(RecordModels_Order_.userId.eq(other))).extracting(Order::logins)
                .containsExactly(3);
    }

    @Test
    void anItemWhoseOrNoLongerHoldsWhenItsWriteAppliesIsSkipped(DynamoDbLocal local) {
        String user = "guard-" + System.nanoTime();
        Order first = orders().create(Map.of("userId", user, "total", BigDecimal.ONE, "note", "a"));
        Order second = orders().create(Map.of("userId", user, "total", BigDecimal.ONE, "note", "a"));
        AtomicBoolean interfered = new AtomicBoolean();
        String prefix = orders().tableName().substring(0, orders().tableName().length()
                - orders().metadata().tableName().length());
        // another writer: before the first UpdateItem is sent, it changes that item so that the filter fails
        ExecutionInterceptor writer = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof UpdateItemRequest update && interfered.compareAndSet(false, true)) {
                    local.client().updateItem(b -> b.tableName(update.tableName()).key(update.key())
                            .updateExpression("SET #n = :v").expressionAttributeNames(Map.of("#n", "note_text"))
                            .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("b"))));
                }
            }
        };
        Dynamite contended = new Dynamite(DynamiteConfig.builder().tables(RecordModels.Buyer.class, Order.class)
                .tablePrefix(prefix).writeConcurrency(1)
                .configure(b -> {
                    local.configure(b);
                    b.overrideConfiguration(o -> o.addExecutionInterceptor(writer));
                }).build());
        contended.connect();
        try {
            Model<Order> orders = contended.model(Order.class);
            Filter<Order> filter = RecordModels_Order_.userId.eq(user).and(RecordModels_Order_.note.eq("a")
                    .or(RecordModels_Order_.total.gt(new BigDecimal("100"))));

            int updated = orders.update(RecordModels_Order_.status.set("paid"), filter);

            assertThat(interfered).isTrue();
            assertThat(updated).isOne();
            List<Order> now = orders().where(RecordModels_Order_.userId.eq(user));
            assertThat(now).filteredOn(o -> o.note().equals("b")).singleElement()
                    .satisfies(o -> assertThat(o.status()).as("skipped: the or failed when it was written")
                            .isEqualTo("pending"));
            assertThat(now).filteredOn(o -> o.note().equals("a")).singleElement()
                    .satisfies(o -> assertThat(o.status()).isEqualTo("paid"));
            assertThat(List.of(first.id(), second.id())).containsExactlyInAnyOrderElementsOf(
                    now.stream().map(Order::id).toList());
        } finally {
            contended.disconnect();
        }
    }
}
