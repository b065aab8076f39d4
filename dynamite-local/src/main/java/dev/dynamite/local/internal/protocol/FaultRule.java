package dev.dynamite.local.internal.protocol;

import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * One injected fault: which calls it selects (operations, tables), what it does to them (its {@link Action}) and
 * how often it fires (its {@link Trigger}). Thread-safe: {@link #fire()} may be called from any thread.
 */
public final class FaultRule {
    /** What a fault does to a call it fires on. */
    public sealed interface Action permits Delay, Failure, Unprocessed, LostResponse {
    }

    /**
     * Runs the call, then throws its answer away and answers HTTP 500 {@code InternalServerError} instead: the
     * write is applied, but the client cannot know it, as when a response is lost on the way back.
     */
    public record LostResponse() implements Action {
    }

    /**
     * Sleeps before the call runs; the call then runs normally (other faults may still fail it).
     *
     * @param delay how long to sleep, positive
     */
    public record Delay(Duration delay) implements Action {
        /**
         * Checks the delay.
         *
         * @param delay how long to sleep, positive
         */
        public Delay {
            if (delay.isNegative() || delay.isZero()) {
                throw new IllegalArgumentException("latency must be positive, got " + delay);
            }
            try {
                delay.toNanos();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("latency too long: " + delay, e);
            }
        }
    }

    /**
     * Answers the call with an error instead of running it.
     *
     * @param type the full {@code __type}, e.g. {@code com.amazonaws.dynamodb.v20120810#InternalServerError}
     * @param message the error message
     * @param status the HTTP status
     */
    public record Failure(String type, String message, int status) implements Action {
        /**
         * Checks the status.
         *
         * @param type the full {@code __type}
         * @param message the error message
         * @param status the HTTP status, 4xx or 5xx
         */
        public Failure {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("an error status must be 4xx or 5xx, got " + status);
            }
        }
    }

    /**
     * Runs only the first {@code executed} requests of a {@code BatchGetItem}/{@code BatchWriteItem} (among the
     * selected tables) and answers the rest as {@code UnprocessedKeys}/{@code UnprocessedItems}.
     *
     * @param executed how many of the selected requests still run, 0 for none
     */
    public record Unprocessed(int executed) implements Action {
        /**
         * Checks the count.
         *
         * @param executed how many of the selected requests still run, 0 for none
         */
        public Unprocessed {
            if (executed < 0) {
                throw new IllegalArgumentException("the number of executed requests must be >= 0, got " + executed);
            }
        }
    }

    /** How often a fault fires on the calls it selects. */
    public sealed interface Trigger permits Always, Times, Fraction {
    }

    /** Fires on every selected call. */
    public record Always() implements Trigger {
    }

    /**
     * Fires on the next {@code count} selected calls, then is exhausted.
     *
     * @param count how many calls, positive
     */
    public record Times(int count) implements Trigger {
        /**
         * Checks the count.
         *
         * @param count how many calls, positive
         */
        public Times {
            if (count <= 0) {
                throw new IllegalArgumentException("times(count) needs a positive count, got " + count);
            }
        }
    }

    /**
     * Fires on a fraction of the selected calls, drawn from a random sequence seeded with {@code seed}: the n-th
     * selected call sees the n-th draw, so a run with the same seed and call order faults the same calls.
     *
     * @param fraction the probability, in [0, 1]
     * @param seed the seed of the random sequence
     */
    public record Fraction(double fraction, long seed) implements Trigger {
        /**
         * Checks the fraction.
         *
         * @param fraction the probability, in [0, 1]
         * @param seed the seed of the random sequence
         */
        public Fraction {
            if (!(fraction >= 0.0 && fraction <= 1.0)) {
                throw new IllegalArgumentException("fraction must be within [0, 1], got " + fraction);
            }
        }
    }

    private final Set<String> operations;
    private final Set<String> tables;
    private final Action action;
    private final Trigger trigger;
    private final AtomicInteger remaining;
    private final AtomicLong injected = new AtomicLong();
    private final @Nullable Random random;
    private final AtomicInteger skip;

    /**
     * Creates a rule.
     *
     * @param operations the operations it selects, empty for all
     * @param tables the tables it selects, empty for all (a call is selected when it names any of them)
     * @param action what it does
     * @param trigger how often it fires
     */
    public FaultRule(Set<String> operations, Set<String> tables, Action action, Trigger trigger) {
        this(operations, tables, action, trigger, 0);
    }

    /**
     * Creates a rule that lets the first {@code skip} selected calls pass before its trigger is consulted.
     *
     * @param operations the operations it selects, empty for all
     * @param tables the tables it selects, empty for all (a call is selected when it names any of them)
     * @param action what it does
     * @param trigger how often it fires
     * @param skip how many selected calls pass untouched first, 0 for none
     */
    public FaultRule(Set<String> operations, Set<String> tables, Action action, Trigger trigger, int skip) {
        if (skip < 0) {
            throw new IllegalArgumentException("the number of calls to let pass must be >= 0, got " + skip);
        }
        this.skip = new AtomicInteger(skip);
        this.operations = Set.copyOf(operations);
        this.tables = Set.copyOf(tables);
        this.action = action;
        this.trigger = trigger;
        this.remaining = new AtomicInteger(trigger instanceof Times t ? t.count() : Integer.MAX_VALUE);
        this.random = trigger instanceof Fraction f ? new Random(f.seed()) : null;
        if (action instanceof Unprocessed) {
            for (String operation : this.operations) {
                if (!JsonProtocol.BATCH_GET.equals(operation) && !JsonProtocol.BATCH_WRITE.equals(operation)) {
                    throw new IllegalArgumentException("unprocessed() applies to BatchGetItem and BatchWriteItem only, not "
                            + operation);
                }
            }
        }
    }

    /**
     * Returns the selected operations.
     *
     * @return the operation names, empty for all
     */
    public Set<String> operations() {
        return operations;
    }

    /**
     * Returns the selected tables.
     *
     * @return the table names, empty for all
     */
    public Set<String> tables() {
        return tables;
    }

    /**
     * Returns what the rule does.
     *
     * @return the action
     */
    public Action action() {
        return action;
    }

    /**
     * Returns how often the rule fires.
     *
     * @return the trigger
     */
    public Trigger trigger() {
        return trigger;
    }

    /**
     * Returns how many calls the rule has fired on so far.
     *
     * @return the count
     */
    public long injected() {
        return injected.get();
    }

    /**
     * Tells whether the rule can still fire ({@code times(n)} rules are exhausted after n calls).
     *
     * @return {@code false} once exhausted
     */
    public boolean exhausted() {
        return remaining.get() <= 0;
    }

    /**
     * Tells whether a call is selected by this rule.
     *
     * @param operation the operation name
     * @param callTables the tables the call names
     * @return whether the operation and, if the rule names tables, one of the call's tables match
     */
    boolean selects(String operation, Set<String> callTables) {
        if (!operations.isEmpty() && !operations.contains(operation)) {
            return false;
        }
        if (action instanceof Unprocessed
                && !JsonProtocol.BATCH_GET.equals(operation) && !JsonProtocol.BATCH_WRITE.equals(operation)) {
            return false;
        }
        if (tables.isEmpty()) {
            return true;
        }
        for (String table : callTables) {
            if (selectsTable(table)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether a table is one this rule names (all tables when it names none).
     *
     * @param table a table name or ARN
     * @return whether it matches
     */
    boolean selectsTable(String table) {
        return tables.isEmpty() || tables.contains(table) || tables.contains(JsonProtocol.tableNameOf(table));
    }

    /**
     * Decides whether the rule fires on a selected call, counting the call.
     *
     * @return {@code true} if the fault applies to this call
     */
    boolean fire() {
        if (skip.get() > 0 && skip.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            return false;
        }
        boolean fires;
        if (trigger instanceof Times) {
            fires = remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
        } else if (random != null) {
            double fraction = ((Fraction) trigger).fraction();
            // Random is thread-safe; the n-th call draws the n-th number whatever the thread
            fires = random.nextDouble() < fraction;
        } else {
            fires = true;
        }
        if (fires) {
            injected.incrementAndGet();
        }
        return fires;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Fault[");
        out.append(operations.isEmpty() ? "all operations" : String.join(",", new TreeSet<>(operations)));
        if (!tables.isEmpty()) {
            out.append(" on ").append(String.join(",", new TreeSet<>(tables)));
        }
        out.append(": ").append(action).append(' ').append(trigger).append(", injected ").append(injected())
                .append(']');
        return out.toString();
    }
}
