package dev.dynamite.local.internal.protocol;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * The registry of active {@link FaultRule}s that {@link JsonProtocol} consults before running each call.
 * Thread-safe: rules may be added and removed while calls are running.
 */
public final class FaultInjector {
    private final CopyOnWriteArrayList<FaultRule> rules = new CopyOnWriteArrayList<>();

    /** Creates an empty registry. */
    public FaultInjector() {
    }

    /**
     * What the faults decided for one call: how long to sleep first and at most one action that replaces or alters
     * the call.
     *
     * @param delayNanos the total latency to add, 0 for none
     * @param action the failure or partial-batch action, or {@code null} to run the call normally
     * @param rule the rule {@code action} comes from, or {@code null}
     */
    record Decision(long delayNanos, FaultRule.@Nullable Action action, @Nullable FaultRule rule) {
        static final Decision NONE = new Decision(0, null, null);
    }

    /**
     * Adds a rule; it applies from the next call on.
     *
     * @param rule the rule
     */
    public void add(FaultRule rule) {
        rules.add(rule);
    }

    /**
     * Removes a rule.
     *
     * @param rule the rule
     * @return whether it was active
     */
    public boolean remove(FaultRule rule) {
        return rules.remove(rule);
    }

    /** Removes every rule. */
    public void clear() {
        rules.clear();
    }

    /**
     * Returns the active rules, in the order they were added.
     *
     * @return a snapshot
     */
    public List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    /**
     * Tells whether no rule is active (the fast path of every call).
     *
     * @return {@code true} if there is nothing to inject
     */
    boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * Decides the faults of one call. Every selected latency rule that fires adds its delay; the first other
     * selected rule that fires (in the order added) supplies the action. Exhausted rules are dropped.
     *
     * @param operation the operation name
     * @param tables the tables the call names
     * @return the decision
     */
    Decision decide(String operation, Set<String> tables) {
        if (rules.isEmpty()) {
            return Decision.NONE;
        }
        long delay = 0;
        FaultRule chosen = null;
        for (FaultRule rule : rules) {
            if (!rule.selects(operation, tables)) {
                continue;
            }
            boolean isDelay = rule.action() instanceof FaultRule.Delay;
            if (!isDelay && chosen != null) {
                continue;
            }
            if (rule.fire()) {
                if (rule.action() instanceof FaultRule.Delay d) {
                    delay = saturatedAdd(delay, d.delay().toNanos());
                } else {
                    chosen = rule;
                }
            }
            if (rule.exhausted()) {
                rules.remove(rule);
            }
        }
        return chosen == null && delay == 0 ? Decision.NONE
                : new Decision(delay, chosen == null ? null : chosen.action(), chosen);
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
