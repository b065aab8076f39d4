package dev.dynamite.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest;

/**
 * Every DynamoDB operation the test class's client sent, in order, to count and inspect what a piece of code costs.
 * {@link DynamiteTest} records the calls of the client it builds (and of clients derived from its configuration) and
 * injects the log as a parameter; retries of one operation are one call.
 *
 * <pre>{@code
 * @Test
 * void findByKeyIsOneGetItem(Model<User> users, RequestLog requests) {
 *     requests.clear();
 *     users.where(Map.of("id", "u1"));
 *     assertThat(requests.operations()).containsExactly("GetItem");
 * }
 * }</pre>
 */
public final class RequestLog {
    /**
     * One call: the operation's name (such as {@code "Query"}) and the request as the SDK sent it.
     *
     * @param operation the DynamoDB operation name
     * @param request the request
     */
    public record Call(String operation, DynamoDbRequest request) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ExecutionInterceptor interceptor = new Recorder();

    RequestLog() {
    }

    /** The SDK interceptor that feeds this log; added to the client the extension builds. */
    ExecutionInterceptor interceptor() {
        return interceptor;
    }

    /**
     * Returns every call since the start of the class or the last {@link #clear()}.
     *
     * @return the calls, oldest first
     */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /**
     * Returns the operation names of {@link #calls()}.
     *
     * @return the names, oldest first, such as {@code [GetItem, Query]}
     */
    public List<String> operations() {
        return calls.stream().map(Call::operation).toList();
    }

    /**
     * Counts the calls of one operation.
     *
     * @param operation an operation name, such as {@code "BatchGetItem"}
     * @return how many were sent
     */
    public long count(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).count();
    }

    /**
     * Returns the requests of one type, to inspect their expressions, indexes or limits.
     *
     * @param type the request type, such as {@code QueryRequest.class}
     * @param <R> the request type
     * @return the requests, oldest first
     */
    public <R extends DynamoDbRequest> List<R> requests(Class<R> type) {
        return calls.stream().map(Call::request).filter(type::isInstance).map(type::cast).toList();
    }

    /** Forgets every call so far. */
    public void clear() {
        calls.clear();
    }

    private final class Recorder implements ExecutionInterceptor {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            if (request instanceof DynamoDbRequest dynamo) {
                calls.add(new Call(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), dynamo));
            }
        }
    }
}
