package dev.dynamite.core.internal.observe;

import dev.dynamite.api.RequestEvent;
import dev.dynamite.spi.OperationListener;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The SDK interceptor of a client with listeners: adds each request sent while an operation is in scope to that
 * operation, with its items, consumed capacity and retries (the SDK's attempts after the first), and asks for the
 * consumed capacity when a listener wants it. Requests sent outside any operation ({@code sync}, calls on the SDK
 * client itself) pass untouched.
 */
public final class RequestCounter implements ExecutionInterceptor {
    private static final ExecutionAttribute<Call> CALL = new ExecutionAttribute<>("dynamite.operation.request");

    /** One request in flight: its operation, its observers, its attempts. */
    private static final class Call {
        final Operations.Scope scope;
        final List<OperationListener.RequestObserver> observers;
        final String name;
        final long began = System.nanoTime();
        final AtomicInteger attempts = new AtomicInteger();

        Call(Operations.Scope scope, String name, List<OperationListener.RequestObserver> observers) {
            this.scope = scope;
            this.name = name;
            this.observers = observers;
        }
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Operations.Scope scope = Operations.current();
        if (scope == null) {
            return;
        }
        String name = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String request = name == null ? context.request().getClass().getSimpleName() : name;
        String index = index(context.request());
        attributes.putAttribute(CALL, new Call(scope, request, scope.requestStarted(request, index)));
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        return call != null && call.scope.wantsCapacity() ? askCapacity(context.request()) : context.request();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call != null) {
            call.attempts.incrementAndGet();
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call != null) {
            end(call, context.request(), context.response(), null);
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Call call = attributes.getAttribute(CALL);
        if (call != null) {
            end(call, context.request(), null, context.exception());
        }
    }

    private static void end(Call call, SdkRequest request, @Nullable SdkResponse response, @Nullable Throwable error) {
        long read = response == null ? 0 : itemsRead(response);
        long written = response == null ? 0 : itemsWritten(request, response);
        double capacity = response == null ? 0 : capacity(response);
        int retries = Math.max(0, call.attempts.get() - 1);
        call.scope.requestEnded(call.observers, new RequestEvent(call.name, table(request), index(request), read,
                written, capacity, retries, error, Duration.ofNanos(System.nanoTime() - call.began)));
    }

    private static @Nullable String table(SdkRequest request) {
        if (request instanceof GetItemRequest r) {
            return r.tableName();
        } else if (request instanceof PutItemRequest r) {
            return r.tableName();
        } else if (request instanceof UpdateItemRequest r) {
            return r.tableName();
        } else if (request instanceof DeleteItemRequest r) {
            return r.tableName();
        } else if (request instanceof QueryRequest r) {
            return r.tableName();
        } else if (request instanceof ScanRequest r) {
            return r.tableName();
        } else if (request instanceof BatchGetItemRequest r && r.requestItems().size() == 1) {
            return r.requestItems().keySet().iterator().next();
        } else if (request instanceof BatchWriteItemRequest r && r.requestItems().size() == 1) {
            return r.requestItems().keySet().iterator().next();
        }
        return null;
    }

    private static @Nullable String index(SdkRequest request) {
        if (request instanceof QueryRequest r) {
            return r.indexName();
        } else if (request instanceof ScanRequest r) {
            return r.indexName();
        }
        return null;
    }

    private static long itemsRead(SdkResponse response) {
        if (response instanceof GetItemResponse r) {
            return r.hasItem() ? 1 : 0;
        } else if (response instanceof QueryResponse r) {
            return r.count() == null ? 0 : r.count();
        } else if (response instanceof ScanResponse r) {
            return r.count() == null ? 0 : r.count();
        } else if (response instanceof BatchGetItemResponse r) {
            return r.responses().values().stream().mapToLong(List::size).sum();
        } else if (response instanceof TransactGetItemsResponse r) {
            return r.responses().stream().filter(item -> item.hasItem()).count();
        }
        return 0;
    }

    private static long itemsWritten(SdkRequest request, SdkResponse response) {
        if (response instanceof PutItemResponse || response instanceof UpdateItemResponse
                || response instanceof DeleteItemResponse) {
            return 1;
        } else if (request instanceof BatchWriteItemRequest r && response instanceof BatchWriteItemResponse w) {
            return writes(r.requestItems()) - writes(w.unprocessedItems());
        } else if (request instanceof TransactWriteItemsRequest r) {
            return r.transactItems().stream().filter(RequestCounter::writes).count();
        }
        return 0;
    }

    private static long writes(Map<String, List<WriteRequest>> items) {
        return items.values().stream().mapToLong(Collection::size).sum();
    }

    private static boolean writes(TransactWriteItem item) {
        return item.put() != null || item.update() != null || item.delete() != null;
    }

    private static double capacity(SdkResponse response) {
        if (response instanceof GetItemResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof PutItemResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof UpdateItemResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof DeleteItemResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof QueryResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof ScanResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof BatchGetItemResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof BatchWriteItemResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof TransactWriteItemsResponse r) {
            return units(r.consumedCapacity());
        } else if (response instanceof TransactGetItemsResponse r) {
            return units(r.consumedCapacity());
        }
        return 0;
    }

    private static double units(@Nullable ConsumedCapacity capacity) {
        return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
    }

    private static double units(List<ConsumedCapacity> capacities) {
        return capacities.stream().mapToDouble(RequestCounter::units).sum();
    }

    /** The request asking for its total consumed capacity, unless it asked for some already. */
    private static SdkRequest askCapacity(SdkRequest request) {
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        if (request instanceof GetItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof PutItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof UpdateItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof DeleteItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof QueryRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof ScanRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof BatchGetItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof BatchWriteItemRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof TransactWriteItemsRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        } else if (request instanceof TransactGetItemsRequest r && r.returnConsumedCapacity() == null) {
            return r.toBuilder().returnConsumedCapacity(total).build();
        }
        return request;
    }
}
