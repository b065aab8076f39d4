package dev.dynamite.api;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What an operation is, as its listeners are told when it starts.
 *
 * @param model the model class, or null for an operation of no one model (a transaction)
 * @param operation the operation: the name of the method called, such as {@code create}, {@code find},
 *     {@code where}, {@code page}, {@code update}, {@code tx}
 * @param table the model's table, prefix included, or null with no model
 */
public record OperationStart(@Nullable Class<?> model, String operation, @Nullable String table) {
    /**
     * Checks the operation's name.
     *
     * @param model the model class, or null
     * @param operation the operation's name
     * @param table the table, or null
     */
    public OperationStart {
        Objects.requireNonNull(operation, "operation");
    }

    /**
     * Returns the model's simple class name, the way metrics name it.
     *
     * @return the simple name, or {@code "none"} for an operation of no one model
     */
    public String modelName() {
        return model == null ? "none" : model.getSimpleName();
    }
}
