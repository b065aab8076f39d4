package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Model;
import dev.dynamite.api.ItemNotFoundException;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.OptimisticLockException;
import dev.dynamite.it.ImmutableModels.Consignment;
import dev.dynamite.it.ImmutableModels.Crate;
import dev.dynamite.it.ImmutableModels.Invoice;
import dev.dynamite.it.ImmutableModels.Ledger;
import dev.dynamite.meta.GeneratedModels;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Immutable classes (final fields, an all-fields constructor) through {@code Model<T>}, as records are: every write
 * hands back a new instance, the one handed back is what the next write starts from, a stale one is refused; through
 * generated code ({@link Invoice}) and by reflection ({@link Ledger}, private fields).
 */
abstract class ImmutableModelContract extends FixtureContract {
    private Model<Invoice> invoices;
    private Model<Ledger> ledgers;
    private Model<Consignment> consignments;
    private Model<Crate> crates;

    @BeforeAll
    void models() {
        invoices = dynamite.model(Invoice.class);
        ledgers = dynamite.model(Ledger.class);
        consignments = dynamite.model(Consignment.class);
        crates = dynamite.model(Crate.class);
    }

    @Test
    void theGeneratedCodeReadsOneAndReflectionTheOther() {
        // -Ddev.dynamite.generatedModels=false (the reflective run of this suite) turns generated code off
        boolean generated = !"false".equals(System.getProperty(GeneratedModels.PROPERTY));
        assertThat(GeneratedModels.find(Invoice.class) != null).isEqualTo(generated);
        if (generated) {
            assertThat(GeneratedModels.find(Invoice.class).immutable()).isTrue();
        }
        assertThat(GeneratedModels.find(Ledger.class)).as("private fields: read by reflection").isNull();
        assertThat(GeneratedModels.find(Consignment.class) != null).isEqualTo(generated);
        assertThat(GeneratedModels.find(Crate.class)).as("private fields: read by reflection").isNull();
    }

    @Test
    void anImmutableInstanceIsCreatedUpdatedAndDeletedAsAValue() {
        String customer = "c-" + System.nanoTime();
        Invoice created = invoices.create(Map.of("customer", customer, "amount", new BigDecimal("12.5")));
        assertThat(created.id).isNotBlank();
        assertThat(created.state).isEqualTo("open");
        assertThat(created.version).isEqualTo(1);
        assertThat(invoices.find(created.id)).contains(created);
        assertThat(raw.getItem(b -> b.tableName(invoices.tableName()).key(Map.of("id",
                AttributeValue.fromS(created.id))).consistentRead(true)).item())
                .containsEntry("amount", AttributeValue.fromN("12.5")).containsEntry("state", AttributeValue.fromS("open"));

        Invoice paid = invoices.update(created, Map.of("state", "paid"));
        assertThat(paid).isNotSameAs(created);
        assertThat(paid.state).isEqualTo("paid");
        assertThat(paid.version).isEqualTo(2);
        assertThat(created.state).as("the value given is never changed").isEqualTo("open");
        assertThatThrownBy(() -> invoices.update(created, Map.of("state", "void")))
                .isInstanceOf(OptimisticLockException.class);

        Invoice reminded = invoices.update(paid, ImmutableModels_Invoice_.reminders.add(2));
        assertThat(reminded.reminders).isEqualTo(2);
        assertThat(invoices.query().where(ImmutableModels_Invoice_.customer.eq(customer)
                .and(ImmutableModels_Invoice_.reminders.gte(2))).allowScan().list()).containsExactly(reminded);

        Invoice made = invoices.create(new Invoice(null, customer, BigDecimal.ONE, null, 0, 0));
        assertThat(made.id).isNotBlank();
        assertThat(made.state).isEqualTo("open");
        assertThat(invoices.update(ImmutableModels_Invoice_.state.set("late"), ImmutableModels_Invoice_.customer
                .eq(customer).and(ImmutableModels_Invoice_.state.eq("open")))).isOne();
        assertThat(invoices.find(made.id).orElseThrow().state).isEqualTo("late");

        // a hard delete (no @DeleteAt) hands back the value as deleted, no longer persisted, as the value given is
        Invoice deleted = invoices.delete(reminded);
        assertThat(deleted).isEqualTo(reminded).isNotSameAs(reminded);
        assertThat(invoices.find(reminded.id)).isEmpty();
        assertThatThrownBy(() -> invoices.update(deleted, Map.of("state", "x")))
                .isInstanceOf(ItemNotFoundException.class).hasMessageContaining("created or loaded");
        assertThatThrownBy(() -> invoices.update(reminded, Map.of("state", "x")))
                .isInstanceOf(ItemNotFoundException.class).hasMessageContaining("created or loaded");
        assertThatThrownBy(() -> invoices.restore(made)).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("Invoice").hasMessageContaining("no @DeleteAt");
        Invoice late = invoices.find(made.id).orElseThrow();
        assertThatThrownBy(() -> invoices.forceDestroy(made)).as("made is stale: the bulk update moved its version")
                .isInstanceOf(OptimisticLockException.class);
        assertThat(invoices.forceDestroy(late)).isEqualTo(late).isNotSameAs(late);
        assertThat(invoices.find(made.id)).isEmpty();
        assertThatThrownBy(() -> invoices.create(i -> { })).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("immutable");
    }

    @Test
    void anotherWriterBetweenTheReadAndTheWriteMakesTheWriteRefusedAndNothingOverwritten() {
        Invoice read = invoices.create(Map.of("customer", "race", "amount", BigDecimal.ONE));
        // another process writes the item after this one read it
        raw.updateItem(b -> b.tableName(invoices.tableName()).key(Map.of("id", AttributeValue.fromS(read.id)))
                .updateExpression("SET #s = :s, #v = :v").expressionAttributeNames(Map.of("#s", "state", "#v",
                        "version")).expressionAttributeValues(Map.of(":s", AttributeValue.fromS("disputed"),
                        ":v", AttributeValue.fromN("2"))));

        assertThatThrownBy(() -> invoices.update(read, Map.of("state", "paid")))
                .isInstanceOf(OptimisticLockException.class);
        assertThat(invoices.find(read.id).orElseThrow().state).isEqualTo("disputed");
    }

    @Test
    void anImmutableClassWithPrivateFieldsIsReadByReflection() {
        Ledger entry = ledgers.create(new Ledger("l-" + System.nanoTime(), "acc", 250, 0));
        assertThat(entry.version()).isEqualTo(1);
        Ledger found = ledgers.find(entry.id()).orElseThrow();
        assertThat(found.cents()).isEqualTo(250);
        assertThat(found.account()).isEqualTo("acc");

        Ledger moved = ledgers.update(found, Map.of("cents", 300L));
        assertThat(moved.cents()).isEqualTo(300);
        assertThat(moved.version()).isEqualTo(2);
        assertThat(ledgers.find(entry.id()).orElseThrow().cents()).isEqualTo(300);
        assertThatThrownBy(() -> ledgers.update(found, Map.of("cents", 1L)))
                .isInstanceOf(OptimisticLockException.class);
    }

    @Test
    void aClassWithOnlyABuilderIsMadeThroughItAndWrittenAsAValue() {
        int built = ImmutableModels.BUILT.get();
        Consignment booked = consignments.create(Map.of("carrier", "post", "grams", 700));
        assertThat(ImmutableModels.BUILT.get()).as("the value handed back comes from the builder")
                .isGreaterThan(built);
        assertThat(booked.id).isNotBlank();
        assertThat(booked.status).isEqualTo("booked");
        assertThat(booked.version).isEqualTo(1);
        Consignment found = consignments.find(booked.id).orElseThrow();
        assertThat(found.grams).isEqualTo(700);
        assertThat(found.carrier).isEqualTo("post");

        Consignment shipped = consignments.update(found, Map.of("status", "shipped"));
        assertThat(shipped).isNotSameAs(found);
        assertThat(shipped.status).isEqualTo("shipped");
        assertThat(shipped.version).isEqualTo(2);
        assertThat(found.status).as("the value given is never changed").isEqualTo("booked");
        assertThatThrownBy(() -> consignments.update(found, Map.of("status", "lost")))
                .isInstanceOf(OptimisticLockException.class);
        assertThat(consignments.query().where(ImmutableModels_Consignment_.carrier.eq("post")
                .and(ImmutableModels_Consignment_.status.eq("shipped"))).allowScan().list())
                .extracting(c -> c.id).contains(booked.id);
        consignments.delete(shipped);
        assertThat(consignments.find(booked.id)).isEmpty();
    }

    @Test
    void aBuilderOfPrivateFieldsIsUsedByReflectionAndWhatItRefusesIsATypedError() {
        Crate.Builder given = Crate.builder();
        given.setId("c-" + System.nanoTime());
        Crate packed = crates.create(given.setContents("tea").build());
        assertThat(packed.version()).isEqualTo(1);
        Crate found = crates.find(packed.id()).orElseThrow();
        assertThat(found.contents()).isEqualTo("tea");
        Crate repacked = crates.update(found, Map.of("contents", "coffee"));
        assertThat(repacked.contents()).isEqualTo("coffee");
        assertThat(repacked.version()).isEqualTo(2);
        assertThat(crates.find(packed.id()).orElseThrow().contents()).isEqualTo("coffee");

        // an item without contents, written by another process: the builder refuses it, and the read says so
        String bare = "c-bare-" + System.nanoTime();
        raw.putItem(b -> b.tableName(crates.tableName()).item(Map.of("id", AttributeValue.fromS(bare),
                "version", AttributeValue.fromN("1"))));
        assertThatThrownBy(() -> crates.find(bare)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the builder of " + Crate.class.getName())
                .hasMessageContaining("contents");
    }
}
