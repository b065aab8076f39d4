package dev.dynamite;

import dev.dynamite.api.NoClientException;
import dev.dynamite.schema.EntityMetadata;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A handle on one model class, bound either to the global client ({@link Table#model(Class)}) or to one
 * {@link Dynamite} ({@link Dynamite#model(Class)}).
 *
 * <p>A handle is cheap, immutable and thread-safe, and may be created before any client is connected: the idiom is a
 * static field in the model class, {@code public static final Model<User> model = Table.model(User.class);}. Which
 * client a globally bound handle uses is decided at each call, so a later {@code connect()} of another client takes
 * effect at once.
 *
 * @param <T> the model type
 */
public interface Model<T> {

    /**
     * Returns the model class.
     *
     * @return the class this handle operates on
     */
    Class<T> type();

    /**
     * Returns the model's metadata: table name, keys, attributes and relations.
     *
     * @return the metadata, read once per class
     * @throws dev.dynamite.api.ModelNotRegisteredException if the class has no partition key
     * @throws dev.dynamite.api.InvalidModelException if its annotations are inconsistent
     */
    EntityMetadata metadata();

    /**
     * Returns the name of the model's table as the bound client sees it, table prefix included.
     *
     * @return the full table name
     * @throws NoClientException if the handle is bound to the global client and none is set
     * @throws dev.dynamite.api.ModelNotRegisteredException if the class has no partition key
     */
    String tableName();

    /**
     * Returns the DynamoDB client this handle uses now.
     *
     * @return the bound client, or the current global client
     * @throws NoClientException if no client is available
     */
    DynamoDbClient client();
}
