package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.consumer.closed.Secret;
import com.example.consumer.unopened.Memo;
import com.example.consumer.unopened.Memo_;
import com.example.consumer.unopened.Pin;
import com.example.consumer.codec.Temperature;
import com.example.consumer.model.Reading;
import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.api.InvalidModelException;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.local.DynamoDbLocal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Dynamite as a user's module meets it, on the module path. */
class ConsumerTest {

    @Test
    void createsAndReadsAModelWithItsOwnCodec() {
        assertEquals("com.example.consumer", ConsumerTest.class.getModule().getName(), "runs on the module path");
        try (DynamoDbLocal local = DynamoDbLocal.create();
             Dynamite dynamite = new Dynamite(DynamiteConfig.builder().configure(local::configure)
                     .tables(Reading.class).build())) {
            dynamite.connect();
            dynamite.sync();
            Reading created = Reading.model.create(Map.of("sensor", "roof",
                    "temperature", new Temperature(new BigDecimal("21.50"))));
            Reading read = Reading.model.find(created.id).orElseThrow();
            assertEquals(new BigDecimal("21.5"), read.temperature.celsius().stripTrailingZeros());
            // stored as a DynamoDB number (which DynamoDB normalizes: 21.50 is 21.5)
            assertEquals("21.5", local.client().getItem(b -> b.tableName("readings")
                    .key(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                            .fromS(created.id)))).item().get("temperature").n());
            assertEquals(1, Reading.model.where("temperature", ">", new Temperature(new BigDecimal("20"))).size());
        }
    }

    @Test
    void aModelCompiledWithTheProcessorNeedsNoOpens() {
        Module module = Memo.class.getModule();
        assertFalse(module.isOpen(Memo.class.getPackageName()), "the package is opened to no module");
        assertFalse(module.isExported(Memo.class.getPackageName()), "the package is exported to no module");
        try (DynamoDbLocal local = DynamoDbLocal.create();
             Dynamite dynamite = new Dynamite(DynamiteConfig.builder().configure(local::configure)
                     .tables(Memo.class, Pin.class).build())) {
            dynamite.connect();
            dynamite.sync();
            Model<Memo> memos = dynamite.model(Memo.class);

            Memo memo = memos.create(Map.of("text", "buy milk", "tags", Set.of("home"), "stars", 2));
            assertEquals(1, memo.version());
            assertEquals(Optional.of(memo), memos.find(memo.id()));
            Memo starred = memos.update(memo, Memo_.stars.add(3));
            assertEquals(5, starred.stars());
            assertEquals(List.of(starred), memos.query().where(Memo_.tags.contains("home")
                    .and(Memo_.stars.gte(5))).allowScan().list());
            ModelValidationException blank = assertThrows(ModelValidationException.class,
                    () -> memos.create(Map.of("text", " ")));
            assertTrue(blank.getMessage().contains("must not be blank"), blank.getMessage());
            assertThrows(IllegalArgumentException.class, () -> memos.create(Map.of("text", "forbidden")),
                    "the hook runs, called by the generated code");
            assertEquals(1, memos.query().allowScan().count());

            Pin pin = dynamite.model(Pin.class).create(Map.of("id", "p1", "label", "home"));
            pin.label = "work";
            assertTrue(pin.save(), "an active record's own save, through its generated code");
            pin.increment("hits", 2);
            Pin found = Table.model(Pin.class).find("p1").orElseThrow();
            assertEquals("work", found.label);
            assertEquals(2, found.hits);
            assertTrue(found.updatedAt != null, "the managed field is written");
        }
    }

    @Test
    void aModelPackageThatIsNotOpenedGetsAClearError() {
        try (DynamoDbLocal local = DynamoDbLocal.create();
             Dynamite dynamite = new Dynamite(DynamiteConfig.builder().configure(local::configure)
                     .tables(Secret.class).build())) {
            dynamite.sync();
            InvalidModelException error = assertThrows(InvalidModelException.class,
                    () -> dynamite.model(Secret.class).create(Map.of("id", "s1")));
            assertTrue(error.getMessage().contains("opens com.example.consumer.closed to dev.dynamite.core;"),
                    error.getMessage());
        }
    }
}
