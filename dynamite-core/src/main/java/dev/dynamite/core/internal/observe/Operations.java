package dev.dynamite.core.internal.observe;

import dev.dynamite.api.OperationEvent;
import dev.dynamite.api.OperationStart;
import dev.dynamite.api.PluginLoadException;
import dev.dynamite.api.RequestEvent;
import dev.dynamite.spi.OperationListener;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The operation listeners of one client, and the scope of the operation running on each thread. An operation run
 * while another is in scope is part of it; {@link #carry} hands the scope to the threads that send an operation's
 * requests, and {@link RequestCounter}, installed on the client's SDK client, adds each request to the scope in force.
 * With no listener, {@link #run} only calls the body.
 */
public final class Operations {
    /** No listener: operations run bare. */
    public static final Operations NONE = new Operations(List.of());

    private static final System.Logger LOG = System.getLogger(Operations.class.getName());
    private static final ThreadLocal<@Nullable Scope> CURRENT = new ThreadLocal<>();

    private final List<OperationListener> listeners;
    private final boolean capacity;

    private Operations(List<OperationListener> listeners) {
        this.listeners = List.copyOf(listeners);
        this.capacity = listeners.stream().anyMatch(OperationListener::wantsConsumedCapacity);
    }

    /**
     * Returns the listeners of a client: those given, then those found with {@link ServiceLoader}, then the slow
     * operation log when a threshold is set.
     *
     * @param explicit the configured listeners
     * @param slowThreshold operations that take at least this long are logged at WARNING, or null for no log
     * @return the operations, {@link #NONE} when there is no listener
     * @throws PluginLoadException if a registered listener cannot be loaded or instantiated
     */
    public static Operations of(List<OperationListener> explicit, @Nullable Duration slowThreshold) {
        List<OperationListener> all = new ArrayList<>(explicit);
        try {
            for (OperationListener found : ServiceLoader.load(OperationListener.class)) {
                all.add(found);
            }
        } catch (ServiceConfigurationError e) {
            throw new PluginLoadException("An OperationListener registered for ServiceLoader could not be loaded: "
                    + e.getMessage(), e);
        }
        if (slowThreshold != null) {
            all.add(new SlowOperations(slowThreshold));
        }
        return all.isEmpty() ? NONE : new Operations(all);
    }

    /** @return whether any listener is installed */
    public boolean active() {
        return !listeners.isEmpty();
    }

    /** @return whether a listener wants every request to answer its consumed capacity */
    boolean wantsCapacity() {
        return capacity;
    }

    /**
     * Runs an operation: in a scope of its own, told to the listeners, unless another operation is in scope on this
     * thread, of which it is then part.
     *
     * @param model the model class, or null
     * @param operation the operation's name
     * @param table the model's table, or null
     * @param body the work
     * @param <R> the result type
     * @return what the body returned
     */
    public <R> R run(@Nullable Class<?> model, String operation, @Nullable String table, Supplier<R> body) {
        if (listeners.isEmpty() || CURRENT.get() != null) {
            return body.get();
        }
        Scope scope = new Scope(this, new OperationStart(model, operation, table));
        CURRENT.set(scope);
        R result;
        try {
            result = body.get();
        } catch (RuntimeException | Error e) {
            CURRENT.remove();
            scope.end(e);
            throw e;
        }
        CURRENT.remove();
        scope.end(null);
        return result;
    }

    /**
     * Runs an operation that returns nothing; see {@link #run(Class, String, String, Supplier)}.
     *
     * @param model the model class, or null
     * @param operation the operation's name
     * @param table the model's table, or null
     * @param body the work
     */
    public void run(@Nullable Class<?> model, String operation, @Nullable String table, Runnable body) {
        run(model, operation, table, () -> {
            body.run();
            return null;
        });
    }

    /**
     * Wraps a task handed to another thread so that it runs in the operation in scope here, if any.
     *
     * @param task the task
     * @return the task, or one that runs it in this thread's scope
     */
    public static Runnable carry(Runnable task) {
        Scope scope = CURRENT.get();
        return scope == null ? task : () -> in(scope, () -> {
            task.run();
            return null;
        });
    }

    /**
     * Wraps a task handed to another thread so that it runs in the operation in scope here, if any.
     *
     * @param task the task
     * @param <V> its result type
     * @return the task, or one that runs it in this thread's scope
     */
    public static <V> Supplier<V> carry(Supplier<V> task) {
        Scope scope = CURRENT.get();
        return scope == null ? task : () -> in(scope, task);
    }

    /** Runs a body in a scope on this thread, then puts back the scope it had. */
    private static <V> V in(Scope scope, Supplier<V> body) {
        Scope before = CURRENT.get();
        CURRENT.set(scope);
        try {
            return body.get();
        } finally {
            CURRENT.set(before);
        }
    }

    /** @return the operation in scope on this thread, or null */
    static @Nullable Scope current() {
        return CURRENT.get();
    }

    /** Calls a listener's callback; one that throws is logged and does not fail the operation. */
    private static void guarded(String what, Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An OperationListener failed in " + what + "; the operation goes on", e);
        }
    }

    /** The requests that read or write items: the plan is the first of them, not a {@code DescribeTable}. */
    private static final java.util.Set<String> ITEM_REQUESTS = java.util.Set.of("GetItem", "PutItem", "UpdateItem",
            "DeleteItem", "Query", "Scan", "BatchGetItem", "BatchWriteItem", "TransactGetItems", "TransactWriteItems");

    /** One running operation: its observers and what its requests did so far, from any thread. */
    static final class Scope {
        private final Operations operations;
        private final OperationStart start;
        private final long began = System.nanoTime();
        private final List<OperationListener.Observer> observers;
        private final AtomicReference<@Nullable String> plan = new AtomicReference<>();
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger retries = new AtomicInteger();
        private final AtomicLong read = new AtomicLong();
        private final AtomicLong written = new AtomicLong();
        private final DoubleAdder capacity = new DoubleAdder();

        private Scope(Operations operations, OperationStart start) {
            this.operations = operations;
            this.start = start;
            List<OperationListener.Observer> started = new ArrayList<>(operations.listeners.size());
            for (OperationListener listener : operations.listeners) {
                guarded("start", () -> started.add(listener.start(start)));
            }
            this.observers = started;
        }

        boolean wantsCapacity() {
            return operations.wantsCapacity();
        }

        /** A request of this operation is about to be sent; the first one of items names the plan. */
        List<OperationListener.RequestObserver> requestStarted(String request, @Nullable String index) {
            if (ITEM_REQUESTS.contains(request)) {
                plan.compareAndSet(null, index == null ? request : request + ":" + index);
            }
            requests.incrementAndGet();
            List<OperationListener.RequestObserver> started = new ArrayList<>(observers.size());
            for (OperationListener.Observer observer : observers) {
                guarded("request", () -> started.add(observer.request(request)));
            }
            return started;
        }

        void requestEnded(List<OperationListener.RequestObserver> requestObservers, RequestEvent event) {
            retries.addAndGet(event.retries());
            read.addAndGet(event.itemsRead());
            written.addAndGet(event.itemsWritten());
            capacity.add(event.consumedCapacity());
            for (OperationListener.RequestObserver observer : requestObservers) {
                guarded("request end", () -> observer.end(event));
            }
        }

        private void end(@Nullable Throwable error) {
            String first = plan.get();
            OperationEvent event = new OperationEvent(start, first == null ? "none" : first, requests.get(),
                    read.get(), written.get(), capacity.sum(), retries.get(),
                    error == null ? OperationEvent.Outcome.SUCCESS : OperationEvent.Outcome.ERROR, error,
                    Duration.ofNanos(System.nanoTime() - began));
            for (OperationListener.Observer observer : observers) {
                guarded("end", () -> observer.end(event));
            }
        }
    }
}
