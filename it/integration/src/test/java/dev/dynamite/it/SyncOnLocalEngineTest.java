package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.it.SyncModels.Coupon;
import dev.dynamite.it.SyncModels.OrderV2;
import dev.dynamite.local.DynamoDbLocal;
import dev.dynamite.schema.TableChange;
import dev.dynamite.test.DynamiteExtension;
import dev.dynamite.test.RequestLog;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * Sync end to end where dynalite cannot go: an index added to an existing table (dynalite never adds it), on the
 * embedded engine, with DynamoDB-like delays so that sync has to wait for the table and the new index.
 */
class SyncOnLocalEngineTest {
    @RegisterExtension
    static final DynamiteExtension DB = DynamiteExtension.embedded(DynamoDbLocal.builder()
            .createTableDelay(Duration.ofMillis(300)).updateTableDelay(Duration.ofMillis(400)), SyncModels.Profile.class);

    @Test
    void addsAMissingIndexToAnExistingTableAndWaitsUntilItIsActive(DynamiteConfig.Builder earlier,
            DynamiteConfig.Builder current, RequestLog log) {
        String prefix;
        try (Dynamite first = new Dynamite(earlier.tables(OrderV2.class).build())) {
            first.sync();
            prefix = first.config().tablePrefix();
            assertThat(first.getClient().describeTable(b -> b.tableName(prefix + "orders")).table().tableStatus())
                    .isEqualTo(TableStatus.ACTIVE);
        }
        log.clear();

        try (Dynamite later = new Dynamite(current.tablePrefix(prefix).tables(OrderV2.class, Coupon.class)
                .build())) {
            assertThat(later.plan().changes(TableChange.AddIndex.class)).extracting(a -> a.index().name())
                    .containsExactly("GSI1_couponCode");
            later.sync();

            TableDescription orders = later.getClient().describeTable(b -> b.tableName(prefix + "orders")).table();
            assertThat(orders.tableStatus()).isEqualTo(TableStatus.ACTIVE);
            assertThat(orders.globalSecondaryIndexes()).singleElement().satisfies(gsi -> {
                assertThat(gsi.indexName()).isEqualTo("GSI1_couponCode");
                assertThat(gsi.indexStatus()).isEqualTo(IndexStatus.ACTIVE);
                assertThat(gsi.keySchema().stream().collect(Collectors.toMap(KeySchemaElement::attributeName,
                        KeySchemaElement::keyTypeAsString))).containsExactly(Map.entry("couponCode", "HASH"));
            });
            assertThat(log.requests(UpdateTableRequest.class)).hasSize(1);
            // sync polled while the new index was CREATING (400 ms), instead of returning at once
            assertThat(log.count("DescribeTable")).isGreaterThan(3);
            assertThat(later.plan().isUpToDate()).isTrue();
            assertThat(orders.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexStatus)
                    .containsOnly(IndexStatus.ACTIVE);
        }
    }
}
