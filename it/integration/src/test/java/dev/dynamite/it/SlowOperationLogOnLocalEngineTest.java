package dev.dynamite.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Dynamite;
import dev.dynamite.DynamiteConfig;
import dev.dynamite.api.ConfigurationException;
import dev.dynamite.it.Shop.Customer;
import dev.dynamite.test.Backend;
import dev.dynamite.test.DynamiteTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The slow operation log: an operation at or over the threshold is logged at WARNING with its plan and counts, never
 * its items' contents; a listener that throws is logged and the operation goes on. On the embedded engine: what is
 * logged does not depend on the server.
 */
@DynamiteTest(backend = Backend.EMBEDDED, models = {Shop.Customer.class, Shop.Purchase.class})
class SlowOperationLogOnLocalEngineTest {
    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger("dev.dynamite.SlowOperations").addHandler(handler);
        Logger.getLogger("dev.dynamite.core.internal.observe.Operations").addHandler(handler);
    }

    @AfterEach
    void stop() {
        Logger.getLogger("dev.dynamite.SlowOperations").removeHandler(handler);
        Logger.getLogger("dev.dynamite.core.internal.observe.Operations").removeHandler(handler);
    }

    @Test
    void anOperationOverTheThresholdIsLoggedWithItsPlanAndNotItsItems(DynamiteConfig.Builder config) {
        try (Dynamite client = new Dynamite(config.tables(Customer.class, Shop.Purchase.class)
                .slowOperationThreshold(Duration.ofNanos(1)).build())) {
            client.sync();
            Customer made = client.model(Customer.class).create(Map.of("name", "Top secret name"));

            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.WARNING);
                assertThat(r.getMessage()).startsWith("Slow operation: Customer.create took ")
                        .contains("plan PutItem on " + client.config().tablePrefix() + "customers", "1 requests",
                                "1 written", "0 retries", "SUCCESS")
                        .doesNotContain("Top secret name", made.id);
            });
        }
    }

    @Test
    void anOperationUnderTheThresholdIsNotLogged(DynamiteConfig.Builder config) {
        try (Dynamite client = new Dynamite(config.tables(Customer.class, Shop.Purchase.class)
                .slowOperationThreshold(Duration.ofMinutes(5)).build())) {
            client.sync();
            client.model(Customer.class).create(Map.of("name", "Quick"));

            assertThat(records).isEmpty();
        }
    }

    @Test
    void aListenerThatThrowsIsLoggedAndTheOperationGoesOn(DynamiteConfig.Builder config) {
        try (Dynamite client = new Dynamite(config.tables(Customer.class, Shop.Purchase.class).listener(start -> {
            throw new IllegalStateException("listener bug");
        }).build())) {
            client.sync();
            Customer made = client.model(Customer.class).create(Map.of("name", "Goes on"));

            assertThat(client.model(Customer.class).find(made.id)).isPresent();
            assertThat(records).hasSize(2).allSatisfy(r -> {
                assertThat(r.getLevel()).isEqualTo(Level.WARNING);
                assertThat(r.getMessage()).contains("An OperationListener failed in start");
                assertThat(r.getThrown()).hasMessage("listener bug");
            });
        }
    }

    @Test
    void aThresholdMustBePositive() {
        assertThatThrownBy(() -> DynamiteConfig.builder().tables(Customer.class)
                .slowOperationThreshold(Duration.ZERO).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("slowOperationThreshold must be positive, was PT0S");
    }
}
