package dev.dynamite.it;

import dev.dynamite.api.OperationEvent;
import dev.dynamite.api.OperationStart;
import dev.dynamite.api.RequestEvent;
import dev.dynamite.spi.OperationListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the events of the operations it is told of, each with the requests sent for it, for the tests of operation
 * events. Thread-safe: requests end on worker threads.
 */
final class RecordingListener implements OperationListener {
    /** One operation as told: its start, its requests, its end. */
    record Recorded(OperationStart start, List<RequestEvent> requests, OperationEvent event) {
    }

    private final boolean capacity;
    private final List<Recorded> recorded = new ArrayList<>();

    RecordingListener(boolean capacity) {
        this.capacity = capacity;
    }

    @Override
    public boolean wantsConsumedCapacity() {
        return capacity;
    }

    @Override
    public Observer start(OperationStart start) {
        List<RequestEvent> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        return new Observer() {
            @Override
            public RequestObserver request(String request) {
                return requests::add;
            }

            @Override
            public void end(OperationEvent event) {
                synchronized (recorded) {
                    recorded.add(new Recorded(start, List.copyOf(requests), event));
                }
            }
        };
    }

    /** @return the operations ended so far, and forgets them */
    List<Recorded> take() {
        synchronized (recorded) {
            List<Recorded> taken = List.copyOf(recorded);
            recorded.clear();
            return taken;
        }
    }

    /** @return the one operation ended since the last take, failing if there were more or none */
    Recorded only() {
        List<Recorded> taken = take();
        if (taken.size() != 1) {
            throw new AssertionError("expected one operation, got " + taken.stream()
                    .map(r -> r.start().modelName() + "." + r.start().operation()).toList());
        }
        return taken.get(0);
    }
}
