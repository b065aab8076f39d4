package dev.dynamite.core.internal.model;

import dev.dynamite.core.internal.mapping.EntityMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What the parts of the model runtime (reads, entity writes, counters, views, dirty tracking) work on: one model's
 * context, with its most used parts at hand.
 *
 * @param <T> the model type
 */
public abstract class OnModel<T> {
    protected final ModelContext<T> context;
    protected final Class<?> type;
    protected final EntityMapper<T> mapper;
    protected final ModelRules rules;
    protected final String table;
    protected final DynamoDbClient client;

    protected OnModel(ModelContext<T> context) {
        this.context = context;
        this.type = context.type();
        this.mapper = context.mapper();
        this.rules = context.rules();
        this.table = context.tableName();
        this.client = context.client();
    }
}
