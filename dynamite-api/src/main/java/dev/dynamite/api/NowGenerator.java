package dev.dynamite.api;

import dev.dynamite.spi.ValueGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Generates the current time as an ISO-8601 UTC string with milliseconds, {@code 2026-11-25T16:13:30.123Z} (fixed
 * width, so strings sort chronologically). For an {@link Instant} field Dynamite stores the instant, for a
 * {@code long}/{@code Long} field its epoch milliseconds. Thread-safe.
 *
 * <pre>{@code
 * @Default(generator = NowGenerator.class) public Instant firstSeen;
 * }</pre>
 */
public final class NowGenerator implements ValueGenerator<String> {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;

    /** Creates the generator on the system clock. */
    public NowGenerator() {
        this(Clock.systemUTC());
    }

    /**
     * Creates the generator on another clock, for tests.
     *
     * @param clock the clock to read
     */
    public NowGenerator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String generate() {
        return format(clock.instant());
    }

    /**
     * Formats an instant the way Dynamite stores timestamps in {@code String} fields: ISO-8601 UTC, milliseconds,
     * fixed width.
     *
     * @param instant the instant (truncated to milliseconds)
     * @return the text, such as {@code 2026-11-25T16:13:30.123Z}
     */
    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
