package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.Model;
import dev.dynamite.api.PartialWriteException;
import dev.dynamite.it.PagingModels.Owner;
import dev.dynamite.it.PagingModels.Product;
import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Batch reads and bulk loads under injected partial batch results and throttling, on the embedded engine (faults are
 * injected there).
 */
@DynamiteTest(backend = Backend.EMBEDDED, models = {PagingModels.Entry.class, Owner.class, Product.class})
class BatchFaultsOnLocalEngineTest extends FixtureContract {
    private DynamoDbLocal local;

    @BeforeAll
    void seed(DynamoDbLocal local) {
        this.local = local;
        BatchOpsContract.seedOwners(raw, dynamite.config().tablePrefix());
    }

    @BeforeEach
    void clearLog() {
        log.clear();
    }

    @AfterEach
    void clearFaults() {
        local.faults().clear();
    }

    @Test
    void findAllRetriesUnprocessedKeysWithOneRequestPerRetriedChunk() {
        List<String> keys = BatchOpsContract.thousandKeys();
        local.faults().on("BatchGetItem").unprocessed(50).times(3);

        List<Owner> found = dynamite.model(Owner.class).findAll(keys);

        assertThat(found).extracting(o -> o.id).containsExactlyElementsOf(BatchOpsContract.foundInOrder(keys));
        assertThat(log.count("BatchGetItem")).isEqualTo(8 + 3);
    }

    @Test
    void putAllOfTenThousandItemsUnderFaultsEndsWithExactlyThoseItems() {
        Model<Product> products = dynamite.model(Product.class);
        List<Product> batch = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Product product = new Product();
            product.sku = String.format("load-%05d", i);
            product.name = "Loaded " + i;
            product.price = i;
            batch.add(product);
        }
        local.faults().on("BatchWriteItem").unprocessed(10).fraction(0.3, 11);
        local.faults().on("BatchWriteItem").throttle().fraction(0.05, 13);

        List<Product> pending = batch;
        int reruns = 0;
        while (!pending.isEmpty()) {
            try {
                products.putAll(pending);
                pending = List.of();
            } catch (PartialWriteException e) {
                // what the exception says was written is in the table; the rest is written by running it again
                Set<Map<String, AttributeValue>> missing = new HashSet<>(e.notWritten());
                missing.addAll(e.inDoubt());
                for (Map<String, AttributeValue> key : e.written()) {
                    assertThat(raw.getItem(b -> b.tableName(table()).key(key).consistentRead(true)).hasItem())
                            .as("reported written: %s", key).isTrue();
                }
                assertThat(e.written().size() + missing.size()).isEqualTo(pending.size());
                List<Product> next = new ArrayList<>();
                for (Product product : pending) {
                    if (missing.contains(Map.of("sku", AttributeValue.fromS(product.sku)))) {
                        next.add(product);
                    }
                }
                pending = next;
                assertThat(++reruns).as("reruns").isLessThan(20);
            }
        }
        local.faults().clear();

        Set<String> stored = new HashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = raw.scan(b -> b.tableName(table()).exclusiveStartKey(from));
            page.items().forEach(item -> {
                String sku = item.get("sku").s();
                if (sku.startsWith("load-")) {
                    assertThat(item.get("price").n()).isEqualTo(String.valueOf(Integer.parseInt(sku.substring(5))));
                    stored.add(sku);
                }
            });
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        assertThat(stored).hasSize(10_000);
        assertThat(batch).allMatch(Product::isPersisted);
        System.out.println("putAll of 10,000 items under faults: " + log.count("BatchWriteItem")
                + " BatchWriteItem requests, " + reruns + " rerun(s) after a PartialWriteException");
    }

    private String table() {
        return dynamite.config().tablePrefix() + "products";
    }
}
