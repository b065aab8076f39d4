package dev.dynamite;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records every SDK operation a client runs, with its request, to count and inspect calls. */
final class RequestLog implements ExecutionInterceptor {
    record Call(String operation, SdkRequest request) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.add(new Call(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), context.request()));
    }

    List<String> operations() {
        return calls.stream().map(Call::operation).toList();
    }

    long count(String operation) {
        return calls.stream().filter(c -> c.operation().equals(operation)).count();
    }

    <R extends SdkRequest> List<R> requests(Class<R> type) {
        return calls.stream().map(Call::request).filter(type::isInstance).map(type::cast).toList();
    }

    void clear() {
        calls.clear();
    }
}
