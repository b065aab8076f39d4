package dev.dynamite.test;

import dev.dynamite.Model;
import dev.dynamite.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Seeds test data through a model, so that every default, transform, validator and timestamp applies as in
 * production.
 *
 * <pre>{@code
 * List<User> users = Fixtures.of(users).create(10, i -> Map.of("name", "user " + i));
 * }</pre>
 *
 * @param <T> the model type
 */
public final class Fixtures<T> {
    private final Model<T> model;

    private Fixtures(Model<T> model) {
        this.model = model;
    }

    /**
     * Returns fixtures of a model handle (for example one injected by {@link DynamiteExtension}).
     *
     * @param model the model handle
     * @param <T> the model type
     * @return the fixtures
     */
    public static <T> Fixtures<T> of(Model<T> model) {
        return new Fixtures<>(Objects.requireNonNull(model, "model"));
    }

    /**
     * Returns fixtures of a model on the global client (which {@link DynamiteExtension} sets).
     *
     * @param type the model class
     * @param <T> the model type
     * @return the fixtures
     */
    public static <T extends Table<T>> Fixtures<T> of(Class<T> type) {
        return new Fixtures<>(Table.model(type));
    }

    /**
     * Creates {@code count} items, each from the attributes {@code attributes} gives for its index.
     *
     * @param count how many
     * @param attributes the attributes of item {@code i} (0-based), Java field names to values
     * @return the created entities, in order
     * @throws dev.dynamite.api.DynamiteException whatever a create throws (a taken key, an invalid value)
     */
    public List<T> create(int count, IntFunction<Map<String, ?>> attributes) {
        List<T> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            created.add(model.create(attributes.apply(i)));
        }
        return created;
    }
}
