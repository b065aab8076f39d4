package dev.dynamite.core.internal;

import dev.dynamite.Dynamite;
import dev.dynamite.Model;
import dev.dynamite.api.NoClientException;
import dev.dynamite.schema.EntityMetadata;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The model handle: bound to one {@link Dynamite}, or to the global registry when {@code owner} is null.
 *
 * @param <T> the model type
 */
public final class DefaultModel<T> implements Model<T> {
    private final Class<T> type;
    private final @Nullable Dynamite owner;

    /**
     * Creates a handle.
     *
     * @param type the model class
     * @param owner the client to use, or {@code null} for the global client at each call
     */
    public DefaultModel(Class<T> type, @Nullable Dynamite owner) {
        this.type = Objects.requireNonNull(type, "type");
        this.owner = owner;
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public EntityMetadata metadata() {
        return EntityMetadata.of(type);
    }

    @Override
    public String tableName() {
        String prefix;
        if (owner != null) {
            prefix = owner.config().tablePrefix();
        } else {
            prefix = binding().tablePrefix();
        }
        return prefix + metadata().tableName();
    }

    @Override
    public DynamoDbClient client() {
        return owner != null ? owner.getClient() : binding().client();
    }

    private static GlobalRegistry.Binding binding() {
        GlobalRegistry.Binding binding = GlobalRegistry.current();
        if (binding == null) {
            throw new NoClientException();
        }
        return binding;
    }

    @Override
    public String toString() {
        return "Model[" + type.getName() + (owner == null ? ", global client]" : ", " + owner + "]");
    }
}
