package dev.dynamite.local.internal.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How the engine behaves where DynamoDB takes time: how long new tables stay CREATING, updated tables UPDATING, new
 * indexes CREATING, and deleted tables DELETING; and the clock (epoch millis) used for those and for TTL.
 *
 * @param createTableDelay time a new table stays CREATING
 * @param updateTableDelay time an updated table (and a new index) stays UPDATING / CREATING
 * @param deleteTableDelay time a deleted table stays DELETING
 * @param clock the current time in epoch milliseconds
 */
public record EngineOptions(Duration createTableDelay, Duration updateTableDelay, Duration deleteTableDelay,
                            LongSupplier clock) {
    /**
     * Checks that no component is null or negative.
     *
     * @param createTableDelay time a new table stays CREATING
     * @param updateTableDelay time an updated table (and a new index) stays UPDATING / CREATING
     * @param deleteTableDelay time a deleted table stays DELETING
     * @param clock the current time in epoch milliseconds
     */
    public EngineOptions {
        Objects.requireNonNull(clock, "clock");
        for (Duration d : new Duration[] {createTableDelay, updateTableDelay, deleteTableDelay}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("delays must be zero or positive: " + d);
            }
        }
    }

    /**
     * Returns the defaults: no delays, the system clock.
     *
     * @return the default options
     */
    public static EngineOptions defaults() {
        return new EngineOptions(Duration.ZERO, Duration.ZERO, Duration.ZERO, System::currentTimeMillis);
    }
}
