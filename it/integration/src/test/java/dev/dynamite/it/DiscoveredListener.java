package dev.dynamite.it;

import dev.dynamite.api.OperationEvent;
import dev.dynamite.api.OperationStart;
import dev.dynamite.spi.OperationListener;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * A listener registered for {@code ServiceLoader} in this module's test resources, so every client of these tests
 * has it: it keeps the latest events, and {@link OperationEventsDiscoveryTest} finds its own among them.
 */
public final class DiscoveredListener implements OperationListener {
    private static final int KEPT = 1_000;
    private static final ConcurrentLinkedDeque<OperationEvent> EVENTS = new ConcurrentLinkedDeque<>();

    @Override
    public Observer start(OperationStart start) {
        return event -> {
            EVENTS.addLast(event);
            while (EVENTS.size() > KEPT) {
                EVENTS.pollFirst();
            }
        };
    }

    /** @return the kept events of operations on a table */
    static List<OperationEvent> on(String table) {
        return EVENTS.stream().filter(e -> Objects.equals(e.start().table(), table)).toList();
    }
}
