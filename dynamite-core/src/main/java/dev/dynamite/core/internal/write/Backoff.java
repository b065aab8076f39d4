package dev.dynamite.core.internal.write;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter (a random delay up to a cap that doubles per retry), until a deadline: the
 * retry of {@code UnprocessedKeys} and {@code UnprocessedItems}.
 */
public final class Backoff {
    private static final long BASE_DELAY_MILLIS = 20;
    private static final long MAX_DELAY_MILLIS = 2_000;

    private final long deadline;

    private Backoff(long deadline) {
        this.deadline = deadline;
    }

    /**
     * Starts a backoff whose deadline is {@code deadline} from now.
     *
     * @param deadline how long retries may start
     * @return the backoff
     */
    public static Backoff start(Duration deadline) {
        return new Backoff(System.nanoTime() + deadline.toNanos());
    }

    /**
     * Returns whether the deadline has passed.
     *
     * @return true once no further retry may start
     */
    public boolean expired() {
        return System.nanoTime() > deadline;
    }

    /**
     * Sleeps before a retry.
     *
     * @param retry 1 for the first retry
     * @throws IllegalStateException if interrupted (the interrupt flag is set again)
     */
    public void pause(int retry) {
        long cap = Math.min(MAX_DELAY_MILLIS, BASE_DELAY_MILLIS << Math.min(retry, 16));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying unprocessed items", e);
        }
    }
}
