package dev.dynamite.local;

import dev.dynamite.local.internal.protocol.FaultInjector;
import dev.dynamite.local.internal.protocol.FaultRule;
import org.jspecify.annotations.Nullable;

/**
 * A fault added through {@link Faults}: tells how often it fired and removes it. Two handles are equal when they
 * denote the same fault. Thread-safe.
 */
public final class Fault {
    private final FaultInjector injector;
    private final FaultRule rule;

    Fault(FaultInjector injector, FaultRule rule) {
        this.injector = injector;
        this.rule = rule;
    }

    /**
     * Returns how many calls this fault has fired on so far.
     *
     * @return the count
     */
    public long injected() {
        return rule.injected();
    }

    /**
     * Tells whether this fault can still fire: it was not removed, cleared, nor used up by {@code times(n)}.
     *
     * @return {@code true} while active
     */
    public boolean isActive() {
        return !rule.exhausted() && injector.rules().contains(rule);
    }

    /** Removes this fault; calls in progress finish as already decided. Does nothing if it is no longer active. */
    public void remove() {
        injector.remove(rule);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Fault fault && fault.rule == rule;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(rule);
    }

    /**
     * Describes the fault, e.g. {@code Fault[PutItem on users: Failure[...] Times[count=3], injected 1]}.
     *
     * @return a description for test output
     */
    @Override
    public String toString() {
        return rule.toString();
    }
}
