package dev.dynamite.local.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.local.internal.json.Json;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Expiry by TTL at the boundary: an item is expired once its epoch seconds are less than the current time. */
class TimeToLiveTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final Engine engine = new Engine(new EngineOptions(Duration.ZERO, Duration.ZERO, Duration.ZERO,
            clock::get));

    @SuppressWarnings("unchecked")
    private Map<String, Object> call(String operation, String request) {
        return engine.execute(operation, (Map<String, Object>) Json.parse(request));
    }

    @BeforeEach
    void table() {
        call("CreateTable", "{\"TableName\": \"ttl\", \"BillingMode\": \"PAY_PER_REQUEST\", \"AttributeDefinitions\":"
                + " [{\"AttributeName\": \"id\", \"AttributeType\": \"S\"}], \"KeySchema\": [{\"AttributeName\":"
                + " \"id\", \"KeyType\": \"HASH\"}]}");
        call("UpdateTimeToLive", "{\"TableName\": \"ttl\", \"TimeToLiveSpecification\": {\"AttributeName\": \"exp\","
                + " \"Enabled\": true}}");
        call("PutItem", "{\"TableName\": \"ttl\", \"Item\": {\"id\": {\"S\": \"a\"}, \"exp\": {\"N\": \"1000000\"}}}");
    }

    private boolean visible() {
        return call("GetItem", "{\"TableName\": \"ttl\", \"Key\": {\"id\": {\"S\": \"a\"}}}").containsKey("Item");
    }

    @Test
    void anItemExpiringNowIsStillThere() {
        clock.set(1_000_000_000L);
        assertThat(visible()).isTrue();
    }

    @Test
    void anItemIsGoneWithinTheSecondAfterItsExpiry() {
        clock.set(1_000_000_001L);
        assertThat(visible()).isFalse();
        assertThat(call("Scan", "{\"TableName\": \"ttl\", \"Select\": \"COUNT\"}")).containsEntry("Count",
                java.math.BigDecimal.ZERO);
    }

    @Test
    void consumedCapacityIsWrittenWithoutTrailingZeros() {
        Map<String, Object> response = call("GetItem", "{\"TableName\": \"ttl\", \"Key\": {\"id\": {\"S\": \"a\"}},"
                + " \"ReturnConsumedCapacity\": \"TOTAL\"}");
        assertThat(Json.write(response.get("ConsumedCapacity"))).isEqualTo(
                "{\"CapacityUnits\":0.5,\"TableName\":\"ttl\"}");
        response = call("PutItem", "{\"TableName\": \"ttl\", \"Item\": {\"id\": {\"S\": \"b\"}},"
                + " \"ReturnConsumedCapacity\": \"TOTAL\"}");
        assertThat(Json.write(response.get("ConsumedCapacity"))).isEqualTo("{\"CapacityUnits\":1,\"TableName\":\"ttl\"}");
    }
}
