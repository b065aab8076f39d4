package dev.dynamite.spi;

import dev.dynamite.api.OperationEvent;
import dev.dynamite.api.OperationStart;
import dev.dynamite.api.RequestEvent;

/**
 * Told of every model operation a Dynamite client runs: one {@link #start} and one {@link Observer#end} per
 * operation ({@code create}, {@code find}, {@code where}, {@code page}, {@code update} by filter, {@code tx}, …), with
 * each DynamoDB request the operation sent in between. An operation that starts inside another (a hook's write, the
 * reads of an {@code include}) is part of the outer one and gets no events of its own.
 *
 * <p>Listeners are found with {@link java.util.ServiceLoader} (declare {@code provides dev.dynamite.spi.OperationListener
 * with …} or a {@code META-INF/services} entry) and added with {@code DynamiteConfig.Builder.listener(...)}. They see
 * the operations of a {@code Dynamite} client built from a configuration, not of a bare SDK client set with
 * {@code Dynamite.setGlobalClient}. A listener never sees item contents.
 *
 * <pre>{@code
 * DynamiteConfig config = DynamiteConfig.builder().tables(User.class)
 *         .listener(start -> event -> System.out.println(event.start().operation() + " " + event.plan()
 *                 + " in " + event.duration().toMillis() + " ms"))
 *         .build();
 * }</pre>
 *
 * <p>Callbacks run on the threads that do the work: {@link #start} and {@link Observer#end} on the caller's thread,
 * {@link Observer#request} and {@link RequestObserver#end} on whichever thread sent the request, several at once for
 * an operation that sends requests concurrently ({@code findAll}, bulk writes). A callback that throws does not fail
 * the operation: its exception is logged at WARNING and the operation goes on.
 */
@FunctionalInterface
public interface OperationListener {
    /**
     * Whether Dynamite should ask DynamoDB for the capacity each request consumes ({@code ReturnConsumedCapacity
     * TOTAL}) while this listener is installed; otherwise {@link OperationEvent#consumedCapacity()} counts only what a
     * request asked for by itself.
     *
     * @return false unless overridden
     */
    default boolean wantsConsumedCapacity() {
        return false;
    }

    /**
     * Called when an operation starts, on the caller's thread.
     *
     * @param start the model, the operation and the table
     * @return the observer of this operation, told of its requests and its end
     */
    Observer start(OperationStart start);

    /** The observer of one operation. */
    @FunctionalInterface
    interface Observer {
        /**
         * Called before each DynamoDB request of the operation is sent, on the thread that sends it.
         *
         * @param request the request's operation name, such as {@code Query} or {@code PutItem}
         * @return the observer of this request, told when it ends
         */
        default RequestObserver request(String request) {
            return RequestObserver.NONE;
        }

        /**
         * Called once, when the operation has ended, well or not, on the caller's thread.
         *
         * @param event what the operation did
         */
        void end(OperationEvent event);
    }

    /** The observer of one DynamoDB request. */
    @FunctionalInterface
    interface RequestObserver {
        /** An observer that does nothing. */
        RequestObserver NONE = event -> { };

        /**
         * Called once, when the request has ended, answered or failed, after its retries.
         *
         * @param event what the request did
         */
        void end(RequestEvent event);
    }
}
