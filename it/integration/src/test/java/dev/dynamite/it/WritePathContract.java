package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Model;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.OptimisticLockException;
import dev.dynamite.api.PartialWriteException;
import dev.dynamite.it.WriteModels.Parcel;
import dev.dynamite.it.WriteModels.Tally;
import dev.dynamite.it.WriteModels.Ticket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The write path under a concurrent writer: the filters of a bulk write are its condition when each item is written,
 * so what changed between the read and the write is skipped and never counted; an empty operator map is refused
 * before any request; counters stay inside their Java type and instance counters respect {@code @Version}.
 * Subclasses say which server; every test uses its own batch of items.
 */
abstract class WritePathContract extends FixtureContract {
    private Model<Parcel> parcels;
    private Model<Ticket> tickets;
    private Model<Tally> tallies;

    @BeforeAll
    void models() {
        parcels = dynamite.model(Parcel.class);
        tickets = dynamite.model(Ticket.class);
        tallies = dynamite.model(Tally.class);
    }

    @BeforeEach
    void reset() {
        WriteModels.INTERFERE.set(null);
        log.clear();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private List<Parcel> parcels(String batch, String status, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> parcels.create(Map.of("id", newId(),
                "batch", batch, "status", status, "weight", i))).toList();
    }

    /** Sets an attribute of items behind Dynamite's back, as another process would. */
    private void rawSet(Model<?> model, List<String> ids, String attribute, String value) {
        for (String id : ids) {
            raw.updateItem(b -> b.tableName(model.tableName()).key(Map.of("id", AttributeValue.fromS(id)))
                    .updateExpression("SET #a = :v").expressionAttributeNames(Map.of("#a", attribute))
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromS(value))));
        }
    }

    private String rawStatus(Model<?> model, String id, String attribute) {
        var item = raw.getItem(b -> b.tableName(model.tableName()).key(Map.of("id", AttributeValue.fromS(id)))
                .consistentRead(true)).item();
        return item.containsKey(attribute) ? item.get(attribute).s() : null;
    }

    @Test
    void aBulkUpdateSkipsItemsThatNoLongerMatchWhenWritten() {
        String batch = newId();
        List<String> ids = parcels(batch, "pending", 5).stream().map(p -> p.id).toList();
        // another writer cancels every pending parcel after the bulk update read them
        WriteModels.INTERFERE.set(() -> rawSet(parcels, ids, "status", "cancelled"));

        int updated = parcels.update(Map.of("status", "shipped"), Map.of("batch", batch, "status", "pending"));

        assertThat(updated).isZero();
        assertThat(ids).allSatisfy(id -> assertThat(rawStatus(parcels, id, "status")).isEqualTo("cancelled"));
    }

    @Test
    void aBulkUpdateStillWritesWhatStillMatchesAndCountsOnlyThat() {
        String batch = newId();
        List<String> ids = parcels(batch, "pending", 5).stream().map(p -> p.id).toList();
        WriteModels.INTERFERE.set(() -> rawSet(parcels, ids.subList(0, 2), "status", "cancelled"));

        int updated = parcels.update(Map.of("status", "shipped"), Map.of("batch", batch, "status", "pending"));

        assertThat(updated).isEqualTo(3);
        Map<String, Long> byStatus = new HashMap<>();
        ids.forEach(id -> byStatus.merge(rawStatus(parcels, id, "status"), 1L, Long::sum));
        assertThat(byStatus).containsOnly(Map.entry("cancelled", 2L), Map.entry("shipped", 3L));
    }

    @Test
    void aBulkDeleteDeletesNothingThatChangedSinceTheRead() {
        String batch = newId();
        List<String> ids = parcels(batch, "pending", 5).stream().map(p -> p.id).toList();
        WriteModels.INTERFERE.set(() -> rawSet(parcels, ids, "status", "paid"));

        int deleted = parcels.delete(Map.of("batch", batch, "status", "pending"));

        assertThat(deleted).isZero();
        assertThat(ids).allSatisfy(id -> assertThat(rawStatus(parcels, id, "status")).isEqualTo("paid"));
    }

    @Test
    void aBulkUpdateNeverTouchesWhatAnotherWriterSoftDeletedMeanwhile() {
        String batch = newId();
        List<String> ids = java.util.stream.IntStream.range(0, 3).mapToObj(i -> tickets.create(Map.of("id", newId(),
                "batch", batch, "state", "open")).id).toList();
        WriteModels.INTERFERE.set(() -> rawSet(tickets, ids, "deletedAt", "2026-01-01T00:00:00.000Z"));

        int updated = tickets.update(Map.of("state", "closed"), Map.of("batch", batch));

        assertThat(updated).isZero();
        assertThat(ids).allSatisfy(id -> assertThat(rawStatus(tickets, id, "state")).isEqualTo("open"));
    }

    @Test
    void aBulkWriteSendsItsFiltersAsTheConditionOfEveryItem() {
        String batch = newId();
        parcels(batch, "pending", 2);
        log.clear();

        parcels.update(Map.of("status", "shipped"), Map.of("batch", batch, "weight", Map.of(">=", 0)));

        var updates = log.requests(software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest.class);
        assertThat(updates).hasSize(2).allSatisfy(update -> {
            assertThat(update.conditionExpression()).contains("attribute_exists(").contains(" = ").contains(" >= ");
            assertThat(update.expressionAttributeNames().values()).contains("batch", "weight");
            assertThat(update.expressionAttributeValues().values()).contains(AttributeValue.fromS(batch),
                    AttributeValue.fromN("0"));
        });
    }

    @Test
    void anEmptyOperatorMapIsRefusedBeforeAnyRequestInReadsAndWrites() {
        String batch = newId();
        parcels(batch, "pending", 2);
        log.clear();

        assertThatThrownBy(() -> parcels.where(Map.of("status", Map.of())))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("status")
                .hasMessageContaining("empty operator map");
        assertThatThrownBy(() -> parcels.delete(Map.of("status", Map.of())))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("empty operator map");
        assertThatThrownBy(() -> parcels.update(Map.of("status", "x"), Map.of("batch", batch, "weight", Map.of())))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("weight");
        assertThat(log.calls()).isEmpty();
        assertThat(parcels.count(Map.of("batch", batch))).isEqualTo(2);
    }

    @Test
    void aCounterThatWouldLeaveItsJavaTypeIsRefusedAndNothingIsWritten() {
        Tally tally = tallies.create(Map.of("id", newId(), "count", Integer.MAX_VALUE - 1));

        assertThatThrownBy(() -> tally.increment("count", 2)).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("count").hasMessageContaining("range of int (-2147483648 to 2147483647)");
        // by filter, the refusal is the cause of the bulk call's report: nothing written, this key not written
        assertThatThrownBy(() -> tallies.increment("count", Integer.MAX_VALUE, Map.of("id", tally.id)))
                .isInstanceOfSatisfying(PartialWriteException.class, e -> {
                    assertThat(e.written()).isEmpty();
                    assertThat(e.notWritten()).containsExactly(Map.of("id", AttributeValue.fromS(tally.id)));
                    assertThat(e.inDoubt()).isEmpty();
                    assertThat(e.getCause()).isInstanceOf(ModelValidationException.class).hasMessageContaining("count");
                });

        Tally stored = tallies.find(tally.id).orElseThrow();
        assertThat(stored.count).isEqualTo(Integer.MAX_VALUE - 1);
        assertThat(stored.version).isEqualTo(1);
        tally.increment("count", 1);
        assertThat(tallies.find(tally.id).orElseThrow().count).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aNegativeCounterStopsAtTheTypesMinimum() {
        Tally tally = tallies.create(Map.of("id", newId(), "count", Integer.MIN_VALUE + 1));

        assertThatThrownBy(() -> tally.increment("count", -2)).isInstanceOf(ModelValidationException.class);
        assertThat(tallies.find(tally.id).orElseThrow().count).isEqualTo(Integer.MIN_VALUE + 1);
    }

    @Test
    void aStaleVersionedEntitysInstanceCounterIsRefused() {
        Tally tally = tallies.create(Map.of("id", newId(), "total", 10));
        Tally other = tallies.find(tally.id).orElseThrow();
        other.total = 11;
        other.save();

        assertThatThrownBy(() -> tally.increment("total", 5)).isInstanceOf(OptimisticLockException.class);
        Tally stored = tallies.find(tally.id).orElseThrow();
        assertThat(stored.total).isEqualTo(11);
        assertThat(stored.version).isEqualTo(2);

        stored.increment("total", 5);
        assertThat(stored.total).isEqualTo(16);
        assertThat(stored.version).isEqualTo(3);
    }

    @Test
    void aCounterByFilterSkipsItemsThatNoLongerMatch() {
        String batch = newId();
        List<String> ids = java.util.stream.IntStream.range(0, 3).mapToObj(i -> tallies.create(Map.of("id", newId(),
                "batch", batch, "count", 1)).id).toList();
        // the third no longer matches when its write is applied: it was moved to another batch after the read
        raw.updateItem(b -> b.tableName(tallies.tableName()).key(Map.of("id", AttributeValue.fromS(ids.get(2))))
                .updateExpression("SET #b = :v").expressionAttributeNames(Map.of("#b", "batch"))
                .expressionAttributeValues(Map.of(":v", AttributeValue.fromS("elsewhere"))));

        assertThat(tallies.increment("count", 5, Map.of("batch", batch))).isEqualTo(2);
        assertThat(tallies.find(ids.get(0)).orElseThrow().count).isEqualTo(6);
        assertThat(tallies.find(ids.get(2)).orElseThrow().count).isEqualTo(1);
    }

    @Test
    void anItemOverFourHundredKilobytesIsRefusedBeforeAnyRequest() {
        String big = "x".repeat(410 * 1024);
        assertThatThrownBy(() -> parcels.create(Map.of("id", newId(), "status", big)))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Parcel.status")
                .hasMessageContaining("over DynamoDB's limit of 409600 bytes");
        Parcel parcel = parcels.create(Map.of("id", newId(), "status", "small"));
        log.clear();
        assertThatThrownBy(() -> parcel.update(Map.of("status", big))).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("Parcel.status");
        assertThat(log.calls()).isEmpty();
        assertThat(parcels.find(parcel.id).orElseThrow().status).isEqualTo("small");
    }

    @Test
    void keysOutsideDynamoDbsLengthsAreRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> parcels.create(Map.of("id", "")))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Parcel.id")
                .hasMessageContaining("partition key is empty");
        assertThatThrownBy(() -> parcels.create(Map.of("id", "k".repeat(2049))))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Parcel.id")
                .hasMessageContaining("2049 bytes long; DynamoDB allows at most 2048");
        assertThatThrownBy(() -> parcels.find("")).isInstanceOf(ModelValidationException.class);
        assertThat(log.calls()).isEmpty();
        String longest = "é".repeat(1024);   // 2,048 bytes in UTF-8: the longest partition key there is
        assertThat(parcels.create(Map.of("id", longest)).id).isEqualTo(longest);
        assertThat(parcels.find(longest)).isPresent();
    }

    @Test
    void aSetOfTheWrongElementTypeIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> parcels.create(Map.of("id", newId(), "labels", java.util.Set.of(1, 2))))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("Parcel.labels")
                .hasMessageContaining("a Set<String> cannot hold");
        assertThat(log.calls()).isEmpty();
        Parcel labelled = parcels.create(Map.of("id", newId(), "labels", java.util.Set.of("fragile")));
        assertThat(parcels.find(labelled.id).orElseThrow().labels).containsExactly("fragile");
    }
}
