package dev.dynamite.schema.internal;

import dev.dynamite.api.InvalidModelException;
import dev.dynamite.api.ModelNotRegisteredException;
import dev.dynamite.api.PluginLoadException;
import org.jspecify.annotations.Nullable;

/**
 * Makes the exceptions that the schema's classes on a first read can throw but seldom do. The verifier loads the
 * class of every exception a method throws with {@code throw new X(...)} when it links the method's class; thrown as
 * {@code throw Failures.x(...)}, typed {@code RuntimeException} here, an exception class is loaded when it is first
 * made. Each method takes the exception's constructor arguments and says which exception it makes.
 */
public final class Failures {
    private Failures() {
    }

    /**
     * Makes a {@link PluginLoadException}.
     *
     * @param message the message
     * @param cause the cause, or null
     * @return the exception, to throw
     */
    public static RuntimeException pluginLoad(String message, @Nullable Throwable cause) {
        return new PluginLoadException(message, cause);
    }

    /**
     * Makes a {@link ModelNotRegisteredException}.
     *
     * @param model the model class
     * @param missing what the model lacks
     * @return the exception, to throw
     */
    public static RuntimeException modelNotRegistered(Class<?> model, String missing) {
        return new ModelNotRegisteredException(model, missing);
    }

    /**
     * Makes an {@link InvalidModelException}.
     *
     * @param model the model class
     * @param field the Java field concerned, or null
     * @param problem what is wrong and what to do
     * @return the exception, to throw
     */
    public static RuntimeException invalidModel(Class<?> model, @Nullable String field, String problem) {
        return new InvalidModelException(model, field, problem);
    }
}
