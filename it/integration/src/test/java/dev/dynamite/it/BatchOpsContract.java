package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Model;
import dev.dynamite.api.InvalidQueryException;
import dev.dynamite.api.Key;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.QueryOptions;
import dev.dynamite.it.PagingModels.Entry;
import dev.dynamite.it.PagingModels.Owner;
import dev.dynamite.it.PagingModels.Product;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Batch reads ({@code findAll}) and bulk loads ({@code putAll}) end to end. 500 owners {@code w000..w499}. */
abstract class BatchOpsContract extends FixtureContract {
    private Model<Owner> owners;
    private Model<Entry> entries;
    private Model<Product> products;

    @BeforeAll
    void seed() {
        owners = dynamite.model(Owner.class);
        entries = dynamite.model(Entry.class);
        products = dynamite.model(Product.class);
        seedOwners(raw, dynamite.config().tablePrefix());
    }

    /** Stores the 500 owners {@code w000..w499} behind Dynamite's back. */
    static void seedOwners(DynamoDbClient client, String prefix) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            items.add(Map.of("id", String.format("w%03d", i), "name", "Owner " + i));
        }
        TestData.put(client, prefix + "owners", items);
    }

    @BeforeEach
    void clearLog() {
        log.clear();
    }

    /** 1,000 keys: 800 distinct (the 500 owners and 300 that do not exist), 200 of them given twice, shuffled. */
    static List<String> thousandKeys() {
        List<String> distinct = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            distinct.add(String.format("w%03d", i));
        }
        for (int i = 0; i < 300; i++) {
            distinct.add(String.format("x%03d", i));
        }
        List<String> keys = new ArrayList<>(distinct);
        keys.addAll(distinct.subList(100, 300));
        Collections.shuffle(keys, new Random(7));
        return keys;
    }

    /** The existing keys among the given ones, in the order they were first given. */
    static List<String> foundInOrder(List<String> keys) {
        List<String> found = new ArrayList<>();
        for (String key : new LinkedHashSet<>(keys)) {
            if (key.startsWith("w")) {
                found.add(key);
            }
        }
        return found;
    }

    @Test
    void findAllReadsEachDistinctKeyOnceAndKeepsTheOrderOfTheKeys() {
        List<String> keys = thousandKeys();

        List<Owner> found = owners.findAll(keys);

        assertThat(found).extracting(o -> o.id).containsExactlyElementsOf(foundInOrder(keys)).hasSize(500);
        assertThat(found).allSatisfy(o -> assertThat(o.name).startsWith("Owner "));
        assertThat(log.count("BatchGetItem")).isEqualTo(8);
        assertThat(log.operations()).containsOnly("BatchGetItem");
    }

    @Test
    void findAllOfACompositeKeyTakesKeysAndLeavesSoftDeletedItemsOut() {
        entries.create(e -> { e.feed = "h1"; e.seq = "s1"; e.n = 1; });
        entries.create(e -> { e.feed = "h1"; e.seq = "s0"; e.n = 0; });
        Entry gone = entries.create(e -> { e.feed = "h1"; e.seq = "s2"; e.n = 2; });
        gone.destroy();
        List<Key> keys = List.of(Key.of("h1", "s2"), Key.of("h1", "s1"), Key.of("h1", "nope"), Key.of("h1", "s0"));

        assertThat(entries.findAll(keys)).extracting(e -> e.seq).containsExactly("s1", "s0");
        assertThat(entries.findAll(keys, QueryOptions.builder().withTrashed().build())).extracting(e -> e.seq)
                .containsExactly("s2", "s1", "s0");
        assertThat(entries.findAll(keys, QueryOptions.builder().onlyTrashed().build())).extracting(e -> e.seq)
                .containsExactly("s2");
        assertThat(entries.findAll(keys, QueryOptions.builder().attributes("n").build()))
                .allSatisfy(e -> assertThat(e.ownerId).isNull()).extracting(e -> e.n).containsExactly(1, 0);
        log.clear();

        assertThatThrownBy(() -> entries.findAll(List.of("h1"))).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("Key.of");
        assertThatThrownBy(() -> owners.findAll(List.of("w001", 42))).isInstanceOf(ModelValidationException.class);
        assertThatThrownBy(() -> owners.findAll(List.of("w001"), QueryOptions.builder().limit(3).build()))
                .isInstanceOf(InvalidQueryException.class);
        assertThat(log.calls()).isEmpty();
        assertThat(owners.findAll(List.of())).isEmpty();
        assertThat(log.calls()).isEmpty();
    }

    private static Product product(String sku, String name, int price) {
        Product product = new Product();
        product.sku = sku;
        product.name = name;
        product.price = price;
        return product;
    }

    private Map<String, AttributeValue> stored(String sku) {
        return raw.getItem(b -> b.tableName(dynamite.config().tablePrefix() + "products")
                .key(Map.of("sku", AttributeValue.fromS(sku))).consistentRead(true)).item();
    }

    @Test
    void putAllWritesEveryItemAsCreateWouldAndReplacesExistingOnes() {
        products.create(Map.of("sku", "p-old", "name", "Old", "price", 1, "note", "kept?"));
        List<Product> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            batch.add(product("p" + i, "Product " + i, i));
        }
        batch.add(product("p-old", "Replaced", 2));
        log.clear();

        List<Product> written = products.putAll(batch);

        assertThat(written).hasSize(301).allSatisfy(p -> {
            assertThat(p.isPersisted()).isTrue();
            assertThat(p.createdAt).isNotNull();
            assertThat(p.version).isEqualTo(1);
        });
        assertThat(log.count("BatchWriteItem")).isEqualTo(13);
        assertThat(stored("p299")).containsEntry("name", AttributeValue.fromS("Product 299"))
                .containsEntry("version", AttributeValue.fromN("1")).containsKey("createdAt");
        // no condition: the existing item is replaced whole, its note gone
        assertThat(stored("p-old")).containsEntry("name", AttributeValue.fromS("Replaced")).doesNotContainKey("note");
        // the entities are persisted: a later save sends only what changed
        Product first = written.get(0);
        first.price = 99;
        assertThat(first.save()).isTrue();
        assertThat(stored("p0")).containsEntry("price", AttributeValue.fromN("99"))
                .containsEntry("version", AttributeValue.fromN("2"));
    }

    @Test
    void oneInvalidEntityMeansNothingIsWritten() {
        List<Product> batch = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            batch.add(product("q" + i, "Product " + i, i));
        }
        batch.get(42).name = null;
        log.clear();

        assertThatThrownBy(() -> products.putAll(batch)).isInstanceOf(ModelValidationException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> products.putAll(List.of(product("dup", "A", 1), product("dup", "B", 2))))
                .isInstanceOf(ModelValidationException.class).hasMessageContaining("two entities");
        assertThat(log.calls()).isEmpty();
        assertThat(stored("q0")).isEmpty();
        assertThat(batch.get(0).isPersisted()).isFalse();
    }
}
