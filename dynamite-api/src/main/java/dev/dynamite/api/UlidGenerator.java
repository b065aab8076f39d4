package dev.dynamite.api;

import dev.dynamite.spi.ValueGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * Generates ULIDs: 26-character, Crockford base-32 identifiers whose first 10 characters are the millisecond
 * timestamp, so they sort by creation time ({@code 01JDRY8V5Q8Z4K2M3N4P5Q6R7S}).
 *
 * <p>Monotonic: within one millisecond (or if the clock steps back) each ULID is the previous one plus one, so ULIDs
 * from one generator are strictly increasing. Dynamite creates one generator per field, so the ULIDs of one field are
 * monotonic within the process. Thread-safe.
 *
 * <pre>{@code
 * @PrimaryKey @Default(generator = UlidGenerator.class) public String id;
 * }</pre>
 */
public final class UlidGenerator implements ValueGenerator<String> {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final long RANDOM_LOW_MASK = (1L << 40) - 1;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastTime = -1;
    private long randomHigh;  // the high 40 bits of the 80-bit random part
    private long randomLow;   // the low 40 bits

    /** Creates the generator on the system clock. */
    public UlidGenerator() {
        this(Clock.systemUTC());
    }

    /**
     * Creates the generator on another clock, for tests.
     *
     * @param clock the clock to read
     */
    public UlidGenerator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns a new ULID, greater than every ULID this generator returned before.
     *
     * @return the ULID
     * @throws IllegalStateException if more than 2<sup>80</sup> ULIDs were requested within one millisecond
     */
    @Override
    public synchronized String generate() {
        long now = clock.millis();
        if (now > lastTime) {
            lastTime = now;
            randomHigh = random.nextLong() >>> 24;
            randomLow = random.nextLong() & RANDOM_LOW_MASK;
        } else {
            randomLow = (randomLow + 1) & RANDOM_LOW_MASK;
            if (randomLow == 0) {
                randomHigh = (randomHigh + 1) & RANDOM_LOW_MASK;
                if (randomHigh == 0) {
                    throw new IllegalStateException("ULID random part exhausted within one millisecond");
                }
            }
        }
        char[] out = new char[26];
        long time = lastTime;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        long high = randomHigh;
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        long low = randomLow;
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }
}
