package dev.dynamite.local;

import dev.dynamite.local.internal.protocol.FaultInjector;
import dev.dynamite.local.internal.protocol.FaultRule;
import dev.dynamite.local.internal.protocol.JsonProtocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Injects faults into the calls a {@link DynamoDbLocal} answers, in-process and over HTTP alike, so that retries,
 * back-off and concurrency of any client can be tested deterministically.
 *
 * <p>A fault selects calls by operation name and, optionally, by table; does one thing to them (a fixed latency, a
 * throttling error, an HTTP 500, any other error, a lost response, or partial batch results); and fires on every
 * selected call, on the next {@code n} (optionally {@code after} letting some pass), or on a seeded fraction of them:
 *
 * <pre>{@code
 * Faults faults = local.faults();
 * faults.on("GetItem").table("users").latency(Duration.ofMillis(10)).always();
 * faults.on("PutItem").throttle().times(3);               // ProvisionedThroughputExceededException x3
 * faults.on("Query", "Scan").serverError().fraction(0.5, 42);
 * Fault partial = faults.on("BatchWriteItem").unprocessed().once();
 * ...
 * assertThat(partial.injected()).isEqualTo(1);
 * faults.clear();
 * }</pre>
 *
 * <p>Every selected latency fault that fires adds its delay (the call sleeps, then runs). Of the other faults, the
 * first one added that selects the call and fires decides its outcome; later ones are not consulted, so their
 * {@code times} and random sequences are not consumed. A fault that fails a call replaces it: the engine does not
 * run it.
 *
 * <p>Thread-safe: faults may be added and removed while clients are calling. With a fraction, the n-th selected call
 * (in arrival order) sees the n-th number of the seeded sequence, so a single-threaded client sees the same faults
 * on every run, and concurrent clients see the same number of faults.
 */
public final class Faults {
    private final FaultInjector injector;

    Faults(FaultInjector injector) {
        this.injector = injector;
    }

    /**
     * Starts a fault on some operations.
     *
     * @param operation an operation name as in {@code X-Amz-Target}, e.g. {@code GetItem}
     * @param more further operation names
     * @return the selector, to narrow to tables and choose what the fault does
     * @throws IllegalArgumentException if a name is not a DynamoDB operation
     */
    public Selector on(String operation, String... more) {
        Set<String> operations = new LinkedHashSet<>();
        operations.add(checkOperation(operation));
        for (String name : more) {
            operations.add(checkOperation(name));
        }
        return new Selector(injector, operations);
    }

    /**
     * Starts a fault on every operation.
     *
     * @return the selector, to narrow to tables and choose what the fault does
     */
    public Selector onAnyOperation() {
        return new Selector(injector, Set.of());
    }

    /**
     * Returns the faults that can still fire, in the order they were added.
     *
     * @return a snapshot
     */
    public List<Fault> active() {
        List<Fault> active = new ArrayList<>();
        for (FaultRule rule : injector.rules()) {
            if (!rule.exhausted()) {
                active.add(new Fault(injector, rule));
            }
        }
        return List.copyOf(active);
    }

    /** Removes every fault; calls in progress finish as already decided. */
    public void clear() {
        injector.clear();
    }

    private static String checkOperation(String operation) {
        Objects.requireNonNull(operation, "operation");
        if (!JsonProtocol.OPERATIONS.contains(operation)) {
            throw new IllegalArgumentException("'" + operation + "' is not a DynamoDB operation name; use the name"
                    + " of X-Amz-Target, e.g. GetItem, PutItem, Query, BatchWriteItem, TransactWriteItems");
        }
        return operation;
    }

    /**
     * The calls a fault selects, and the choice of what it does to them. Not thread-safe: use it from one thread,
     * then let it go.
     */
    public static final class Selector {
        private final FaultInjector injector;
        private final Set<String> operations;
        private final Set<String> tables = new LinkedHashSet<>();

        private Selector(FaultInjector injector, Set<String> operations) {
            this.injector = injector;
            this.operations = operations;
        }

        /**
         * Narrows the fault to calls that name one of these tables ({@code TableName}, a key of
         * {@code RequestItems}, a table of {@code TransactItems}). For {@link #unprocessed()}, only the requests
         * on these tables are left unprocessed.
         *
         * @param table a table name
         * @param more further table names
         * @return this selector
         */
        public Selector table(String table, String... more) {
            tables.add(Objects.requireNonNull(table, "table"));
            for (String name : more) {
                tables.add(Objects.requireNonNull(name, "table"));
            }
            return this;
        }

        /**
         * Delays the selected calls by a fixed time before they run.
         *
         * @param delay the latency, positive
         * @return the trigger, to choose how often
         * @throws IllegalArgumentException if the delay is zero or negative
         */
        public Trigger latency(Duration delay) {
            return trigger(new FaultRule.Delay(Objects.requireNonNull(delay, "delay")));
        }

        /**
         * Fails the selected calls with DynamoDB's table throttling error: HTTP 400
         * {@code ProvisionedThroughputExceededException}, "The level of configured provisioned throughput for the
         * table was exceeded. Consider increasing your provisioning level with the UpdateTable API."
         *
         * @return the trigger, to choose how often
         */
        public Trigger throttle() {
            return trigger(new FaultRule.Failure(JsonProtocol.THROUGHPUT_EXCEEDED,
                    JsonProtocol.THROUGHPUT_EXCEEDED_MESSAGE, 400));
        }

        /**
         * Fails the selected calls with DynamoDB's request-rate throttling error: HTTP 400
         * {@code ThrottlingException}, "Rate of requests exceeds the allowed throughput."
         *
         * @return the trigger, to choose how often
         */
        public Trigger throttlingException() {
            return trigger(new FaultRule.Failure(JsonProtocol.THROTTLING, JsonProtocol.THROTTLING_MESSAGE, 400));
        }

        /**
         * Fails the selected calls with HTTP 500 {@code InternalServerError}, "Internal server error".
         *
         * @return the trigger, to choose how often
         */
        public Trigger serverError() {
            return trigger(new FaultRule.Failure(JsonProtocol.INTERNAL_SERVER_ERROR,
                    JsonProtocol.INTERNAL_SERVER_ERROR_MESSAGE, 500));
        }

        /**
         * Runs the selected calls, then answers HTTP 500 {@code InternalServerError} instead of their result: the
         * write is applied but its response is lost, so the client (and its SDK's retry) cannot tell that it was.
         * A call whose engine run fails answers that failure as usual.
         *
         * @return the trigger, to choose how often
         */
        public Trigger lostResponse() {
            return trigger(new FaultRule.LostResponse());
        }

        /**
         * Fails the selected calls with any error, e.g. {@code error("RequestLimitExceeded", 400, "...")}.
         *
         * @param errorCode the error code, such as {@code TransactionConflictException}; DynamoDB's namespace is
         *     added unless the code already contains {@code #}
         * @param status the HTTP status, 4xx or 5xx
         * @param message the error message
         * @return the trigger, to choose how often
         * @throws IllegalArgumentException if the status is not an error status or the code is blank
         */
        public Trigger error(String errorCode, int status, String message) {
            if (errorCode.isBlank()) {
                throw new IllegalArgumentException("errorCode must not be blank");
            }
            return trigger(new FaultRule.Failure(JsonProtocol.qualifiedType(errorCode),
                    Objects.requireNonNull(message, "message"), status));
        }

        /**
         * Answers the selected {@code BatchGetItem}/{@code BatchWriteItem} calls without running them: every key or
         * write request comes back in {@code UnprocessedKeys}/{@code UnprocessedItems}.
         *
         * @return the trigger, to choose how often
         * @throws IllegalArgumentException if the fault selects an operation other than the two batch operations
         */
        public Trigger unprocessed() {
            return unprocessed(0);
        }

        /**
         * Runs only the first {@code executed} keys or write requests of the selected {@code BatchGetItem}/
         * {@code BatchWriteItem} calls (in request order, among the selected tables) and answers the rest in
         * {@code UnprocessedKeys}/{@code UnprocessedItems}, as DynamoDB does under load.
         *
         * @param executed how many requests still run, 0 for none
         * @return the trigger, to choose how often
         * @throws IllegalArgumentException if {@code executed} is negative, or the fault selects an operation other
         *     than the two batch operations
         */
        public Trigger unprocessed(int executed) {
            FaultRule.Unprocessed action = new FaultRule.Unprocessed(executed);
            for (String operation : operations) {
                if (!operation.equals(JsonProtocol.BATCH_GET) && !operation.equals(JsonProtocol.BATCH_WRITE)) {
                    throw new IllegalArgumentException("unprocessed() applies to BatchGetItem and BatchWriteItem only,"
                            + " not " + operation);
                }
            }
            return trigger(action);
        }

        private Trigger trigger(FaultRule.Action action) {
            return new Trigger(injector, Set.copyOf(operations), Set.copyOf(tables), action);
        }
    }

    /** How often a fault fires; each method adds the fault and returns its handle. Thread-safe. */
    public static final class Trigger {
        private final FaultInjector injector;
        private final Set<String> operations;
        private final Set<String> tables;
        private final FaultRule.Action action;
        private final int skip;

        private Trigger(FaultInjector injector, Set<String> operations, Set<String> tables, FaultRule.Action action) {
            this(injector, operations, tables, action, 0);
        }

        private Trigger(FaultInjector injector, Set<String> operations, Set<String> tables, FaultRule.Action action,
                        int skip) {
            this.injector = injector;
            this.operations = operations;
            this.tables = tables;
            this.action = action;
            this.skip = skip;
        }

        /**
         * Lets the next {@code calls} selected calls pass untouched before the fault starts to fire, for example
         * {@code on("UpdateItem").throttle().after(20).once()} throttles the 21st {@code UpdateItem}.
         *
         * @param calls how many selected calls pass first, 0 or more
         * @return a trigger that waits that long
         * @throws IllegalArgumentException if {@code calls} is negative
         */
        public Trigger after(int calls) {
            if (calls < 0) {
                throw new IllegalArgumentException("after(calls) needs 0 or more calls, got " + calls);
            }
            return new Trigger(injector, operations, tables, action, calls);
        }

        /**
         * Fires on every selected call until removed.
         *
         * @return the active fault
         */
        public Fault always() {
            return add(new FaultRule.Always());
        }

        /**
         * Fires on the next selected call only.
         *
         * @return the active fault
         */
        public Fault once() {
            return times(1);
        }

        /**
         * Fires on the next {@code count} selected calls, then removes itself.
         *
         * @param count how many calls, positive
         * @return the active fault
         * @throws IllegalArgumentException if {@code count} is not positive
         */
        public Fault times(int count) {
            return add(new FaultRule.Times(count));
        }

        /**
         * Fires on a fraction of the selected calls, chosen by a random sequence with a fixed seed.
         *
         * @param fraction the probability per call, in [0, 1]
         * @param seed the seed; the same seed faults the same calls of the same call sequence
         * @return the active fault
         * @throws IllegalArgumentException if {@code fraction} is outside [0, 1]
         */
        public Fault fraction(double fraction, long seed) {
            return add(new FaultRule.Fraction(fraction, seed));
        }

        private Fault add(FaultRule.Trigger trigger) {
            FaultRule rule = new FaultRule(operations, tables, action, trigger, skip);
            injector.add(rule);
            return new Fault(injector, rule);
        }
    }
}
