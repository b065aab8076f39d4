package dev.dynamite;

import dev.dynamite.core.internal.DefaultModel;

/**
 * The base class of model classes: {@code public class User extends Table<User> { … }}.
 *
 * <p>A model class declares its fields with the annotations of {@code dev.dynamite.annotation}, has a public no-arg
 * constructor, and lives in a package its module opens to {@code dev.dynamite.core}.
 *
 * @param <T> the model class itself
 */
public abstract class Table<T extends Table<T>> {

    /** Creates an instance; for subclasses. */
    protected Table() {
    }

    /**
     * Returns a handle on a model class bound to the global client, resolved at each call.
     *
     * <pre>{@code
     * public class User extends Table<User> {
     *     public static final Model<User> model = Table.model(User.class);
     *     @PrimaryKey public String id;
     * }
     * }</pre>
     *
     * @param type the model class
     * @param <T> the model type
     * @return the handle; creating it needs no client
     */
    public static <T extends Table<T>> Model<T> model(Class<T> type) {
        return new DefaultModel<>(type, null);
    }
}
