package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.consumer.closed.Secret;
import com.example.consumer.codec.Temperature;
import com.example.consumer.model.Reading;
import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.api.InvalidModelException;
import dev.dynamite.local.DynamoDbLocal;
import java.math.BigDecimal;
import java.util.Map;
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
