package dev.dynamite.core.internal.query;

import dev.dynamite.api.ScanPolicy;
import dev.dynamite.api.ScanRefusedException;
import dev.dynamite.core.internal.TableCatalog;
import dev.dynamite.core.internal.model.ModelContext;
import dev.dynamite.core.internal.query.Plan.Operation;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client's scan policy applied to a query about to run: a plan that scans is refused, logged once per model and
 * filter shape, or let through. The message names the filter and what would have served it instead.
 */
final class ScanGuard {
    private static final System.Logger LOG = System.getLogger("dev.dynamite.query");
    /** The shapes already warned about, for the life of the JVM: one line per model and filter shape. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private ScanGuard() {
    }

    /** The policy that applies to a query: the client's, or {@code ALLOW} when the query allows its scan. */
    static ScanPolicy verdict(ModelContext<?> context, boolean allowScan) {
        return allowScan ? ScanPolicy.ALLOW : context.binding().scans();
    }

    /**
     * Applies the policy to a plan about to run.
     *
     * @throws ScanRefusedException if the plan scans and the policy refuses scans
     */
    static void check(ModelContext<?> context, Plan plan, List<Condition> conditions, boolean allowScan) {
        if (plan.operation() != Operation.SCAN) {
            return;
        }
        switch (verdict(context, allowScan)) {
            case ALLOW -> {
            }
            case REFUSE -> throw new ScanRefusedException(context.type(), message(context, plan, conditions)
                    + " Say query().allowScan() (or QueryOptions.builder().allowScan()) where a scan is meant.");
            case WARN -> {
                if (WARNED.add(shape(context, conditions))) {
                    LOG.log(Level.WARNING, () -> message(context, plan, conditions) + " Say allowScan() where a scan"
                            + " is meant, or set DynamiteConfig.scans(...); this shape is not logged again.");
                }
            }
        }
    }

    /** The model and the filter's fields and operators, not its values. */
    static String shape(ModelContext<?> context, List<Condition> conditions) {
        Set<String> parts = new TreeSet<>();
        for (Condition condition : conditions) {
            parts.add(condition.describe());
        }
        return context.type().getName() + " " + parts;
    }

    private static String message(ModelContext<?> context, Plan plan, List<Condition> conditions) {
        List<String> fields = new ArrayList<>();
        for (Condition condition : conditions) {
            fields.add(condition.describe());
        }
        List<String> instead = new ArrayList<>();
        instead.add(name(context, context.partitionAttribute()) + " (the partition key)");
        for (TableCatalog.Index index : context.indexes()) {
            instead.add(name(context, index.partition()) + " (index " + index.name() + ")");
        }
        return context.type().getSimpleName() + (fields.isEmpty() ? " with no filter" : " filtered on " + fields)
                + " scans table " + plan.table() + ": no key condition applies, so every item is read. A Query"
                + " would serve it if the filter fixed " + String.join(" or ", instead) + " by equality.";
    }

    private static String name(ModelContext<?> context, String attribute) {
        String field = context.fieldOfAttribute(attribute);
        return field == null ? attribute : field;
    }
}
