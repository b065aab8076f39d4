package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.Dynamite;
import dev.dynamite.schema.TableChange;
import dev.dynamite.test.DynamiteTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Schema sync on the suite's server (dynalite under scripts/test.sh, else the embedded engine). */
@DynamiteTest(models = {Shop.Customer.class, Shop.Purchase.class})
class SchemaSyncIT {

    @Test
    void syncMadeTheTablesTheirKeysAndTheRelationsIndex(Dynamite dynamite, DynamoDbClient client) {
        String prefix = dynamite.config().tablePrefix();
        TableDescription purchases = client.describeTable(b -> b.tableName(prefix + "purchases")).table();
        assertThat(purchases.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(purchases.keySchema()).singleElement().satisfies(k -> assertThat(k.attributeName()).isEqualTo("id"));
        assertThat(purchases.globalSecondaryIndexes()).singleElement()
                .satisfies(i -> assertThat(i.indexName()).isEqualTo("GSI1_customerId"));
        assertThat(client.describeTable(b -> b.tableName(prefix + "customers")).table().tableStatus())
                .isEqualTo(TableStatus.ACTIVE);
        assertThat(dynamite.plan().changes(TableChange.UpToDate.class)).hasSize(2);
        assertThat(dynamite.isReady()).isTrue();
    }
}
