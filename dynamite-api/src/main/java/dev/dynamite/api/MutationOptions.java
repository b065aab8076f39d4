package dev.dynamite.api;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Options of one write ({@code create}, {@code save}, {@code update}, {@code destroy}, …): whether the model's hooks
 * run, and the transaction the write is queued in.
 *
 * <p>Hooks run on every write unless {@code DynamiteConfig.hooksByDefault(false)} was configured;
 * {@link #skipHooks()} turns them off for one call and {@link #hooks()} on. Immutable and thread-safe.
 *
 * <pre>{@code
 * user.save(MutationOptions.skipHooks());   // a data migration that must not touch updatedAt-like hooks
 * }</pre>
 */
public final class MutationOptions {
    private static final MutationOptions DEFAULTS = new MutationOptions(null, null, null, null, null);
    private static final MutationOptions HOOKS = new MutationOptions(Boolean.TRUE, null, null, null, null);
    private static final MutationOptions SKIP_HOOKS = new MutationOptions(Boolean.FALSE, null, null, null, null);
    private static final MutationOptions IDEMPOTENT = new MutationOptions(null, null, Boolean.TRUE, null, null);
    private static final MutationOptions ALLOW_SCAN = new MutationOptions(null, null, null, Boolean.TRUE, null);

    private final @Nullable Boolean hooks;
    private final @Nullable TransactionContext tx;
    private final @Nullable Boolean idempotent;
    private final @Nullable Boolean allowScan;
    private final @Nullable Integer segments;

    private MutationOptions(@Nullable Boolean hooks, @Nullable TransactionContext tx, @Nullable Boolean idempotent,
                            @Nullable Boolean allowScan, @Nullable Integer segments) {
        this.hooks = hooks;
        this.tx = tx;
        this.idempotent = idempotent;
        this.allowScan = allowScan;
        this.segments = segments;
    }

    /**
     * Returns options that queue the write in a transaction instead of sending it: it is committed with the
     * transaction, its after-hooks run after the commit.
     *
     * @param tx the transaction
     * @return the options
     */
    public static MutationOptions tx(TransactionContext tx) {
        return new MutationOptions(null, java.util.Objects.requireNonNull(tx, "tx"), null, null, null);
    }

    /**
     * Combines these options with others; where both decide, the other's choice wins.
     *
     * <pre>{@code
     * user.save(MutationOptions.tx(tx).and(MutationOptions.skipHooks()));
     * }</pre>
     *
     * @param other the other options
     * @return the combination
     */
    public MutationOptions and(MutationOptions other) {
        return new MutationOptions(other.hooks != null ? other.hooks : hooks, other.tx != null ? other.tx : tx,
                other.idempotent != null ? other.idempotent : idempotent,
                other.allowScan != null ? other.allowScan : allowScan,
                other.segments != null ? other.segments : segments);
    }

    /**
     * Returns the transaction the write is queued in.
     *
     * @return the transaction, or empty to write at once
     */
    public Optional<TransactionContext> transaction() {
        return Optional.ofNullable(tx);
    }

    /**
     * Returns the options that change nothing: hooks run as configured.
     *
     * @return the default options
     */
    public static MutationOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Returns options that run the model's hooks, whatever the configured default.
     *
     * @return the options
     */
    public static MutationOptions hooks() {
        return HOOKS;
    }

    /**
     * Returns options that skip the model's hooks for this call.
     *
     * @return the options
     */
    public static MutationOptions skipHooks() {
        return SKIP_HOOKS;
    }

    /**
     * Tells whether these options decide about hooks.
     *
     * @return {@code true} to run them, {@code false} to skip them, empty to follow the configuration
     */
    public Optional<Boolean> runHooks() {
        return Optional.ofNullable(hooks);
    }

    /**
     * Tells whether hooks run with these options.
     *
     * @param byDefault the configured default ({@code DynamiteConfig.hooksByDefault})
     * @return the decision of these options, else {@code byDefault}
     */
    public boolean runHooks(boolean byDefault) {
        return hooks == null ? byDefault : hooks;
    }

    /**
     * Returns options that make a counter ({@code increment}, {@code decrement}) apply exactly once even when its
     * response is lost: it is sent as a one-action {@code TransactWriteItems} with a {@code ClientRequestToken}, so
     * that the SDK's retry of a request DynamoDB already applied is recognised by DynamoDB and not applied again.
     * Costs twice the write capacity of a plain {@code UpdateItem}. Without it, a counter whose response is lost
     * and retried by the SDK can move twice. {@code DynamiteConfig.idempotentWrites(true)} makes it the default.
     * Inside a transaction the transaction's own token applies.
     *
     * <pre>{@code
     * page.increment("views", 1, MutationOptions.idempotent());
     * }</pre>
     *
     * @return the options
     */
    public static MutationOptions idempotent() {
        return IDEMPOTENT;
    }

    /**
     * Tells whether a counter is sent idempotently with these options.
     *
     * @param byDefault the configured default ({@code DynamiteConfig.idempotentWrites})
     * @return the decision of these options, else {@code byDefault}
     */
    public boolean idempotent(boolean byDefault) {
        return idempotent == null ? byDefault : idempotent;
    }

    /**
     * Returns options that let a bulk write by filter ({@code update}, {@code delete}, {@code increment} by filters)
     * scan the table to find its targets even where the client's scan policy refuses scans.
     *
     * @return the options
     */
    public static MutationOptions allowScan() {
        return ALLOW_SCAN;
    }

    /**
     * Returns options that find the targets of a bulk write by filter, where that read is a scan, with that many
     * parallel segments ({@code Segment}/{@code TotalSegments}).
     *
     * <pre>{@code
     * Order.model.update(Map.of("archived", true), Map.of("year", 2019), MutationOptions.parallelScan(8));
     * }</pre>
     *
     * @param segments 1 to 1,000,000
     * @return the options
     * @throws IllegalArgumentException if out of range
     */
    public static MutationOptions parallelScan(int segments) {
        if (segments < 1 || segments > 1_000_000) {
            throw new IllegalArgumentException("parallelScan takes 1 to 1,000,000 segments, was " + segments);
        }
        return new MutationOptions(null, null, null, null, segments);
    }

    /**
     * Tells whether the read that finds a bulk write's targets may scan whatever the scan policy says.
     *
     * @return true after {@link #allowScan()}
     */
    public boolean scanAllowed() {
        return Boolean.TRUE.equals(allowScan);
    }

    /**
     * Returns how many parallel segments the read that finds a bulk write's targets is scanned in.
     *
     * @return 1 unless {@link #parallelScan(int)} said otherwise
     */
    public int scanSegments() {
        return segments == null ? 1 : segments;
    }

    @Override
    public String toString() {
        return "MutationOptions[hooks=" + (hooks == null ? "default" : hooks) + ", tx=" + (tx != null)
                + ", idempotent=" + (idempotent == null ? "default" : idempotent)
                + (Boolean.TRUE.equals(allowScan) ? ", allowScan" : "")
                + (segments == null ? "" : ", parallelScan=" + segments) + "]";
    }
}
