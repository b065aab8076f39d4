package dev.dynamite.core.internal.observe;

import dev.dynamite.api.OperationEvent;
import dev.dynamite.api.OperationStart;
import dev.dynamite.spi.OperationListener;
import java.lang.System.Logger.Level;
import java.time.Duration;

/** The slow operation log: one WARNING per operation that took the threshold or longer, its plan, never its items. */
final class SlowOperations implements OperationListener {
    private static final System.Logger LOG = System.getLogger("dev.dynamite.SlowOperations");

    private final Duration threshold;

    SlowOperations(Duration threshold) {
        this.threshold = threshold;
    }

    @Override
    public Observer start(OperationStart start) {
        return this::end;
    }

    private void end(OperationEvent event) {
        if (event.duration().compareTo(threshold) < 0) {
            return;
        }
        OperationStart start = event.start();
        LOG.log(Level.WARNING, () -> "Slow operation: " + start.modelName() + "." + start.operation() + " took "
                + event.duration().toMillis() + " ms (threshold " + threshold.toMillis() + " ms): plan "
                + event.plan() + (start.table() == null ? "" : " on " + start.table()) + ", " + event.requests()
                + " requests, " + event.itemsRead() + " items read, " + event.itemsWritten() + " written, "
                + event.retries() + " retries, " + event.outcome()
                + (event.error() == null ? "" : " (" + event.error().getClass().getSimpleName() + ")"));
    }
}
