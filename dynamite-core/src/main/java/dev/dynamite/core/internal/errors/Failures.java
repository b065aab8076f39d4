package dev.dynamite.core.internal.errors;

import dev.dynamite.api.CodecNotFoundException;
import dev.dynamite.api.DynamiteException;
import dev.dynamite.api.HookException;
import dev.dynamite.api.InvalidModelException;
import dev.dynamite.api.InvalidQueryException;
import dev.dynamite.api.ItemNotFoundException;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.NoClientException;
import dev.dynamite.api.PluginLoadException;
import dev.dynamite.api.UnknownFieldException;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Makes the exceptions that the classes of a first read can throw but seldom do. The verifier loads the class of
 * every exception a method throws with {@code throw new X(...)} when it links the method's class, used or not; thrown
 * as {@code throw Failures.x(...)}, typed {@code RuntimeException} here, an exception class is loaded when it is
 * first made. Each method takes the exception's constructor arguments and says which exception it makes.
 */
public final class Failures {
    private Failures() {
    }

    /**
     * Makes a {@link NoClientException} with the seed's message.
     *
     * @return the exception, to throw
     */
    public static RuntimeException noClient() {
        return new NoClientException();
    }

    /**
     * Makes a {@link NoClientException}.
     *
     * @param message the message
     * @return the exception, to throw
     */
    public static RuntimeException noClient(String message) {
        return new NoClientException(message);
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
     * Makes an {@link InvalidQueryException}.
     *
     * @param message the message
     * @return the exception, to throw
     */
    public static RuntimeException invalidQuery(String message) {
        return new InvalidQueryException(message);
    }

    /**
     * Makes an {@link UnknownFieldException}.
     *
     * @param model the model class
     * @param field the field name
     * @param knownFields the model's fields
     * @return the exception, to throw
     */
    public static RuntimeException unknownField(Class<?> model, String field, Collection<String> knownFields) {
        return new UnknownFieldException(model, field, knownFields);
    }

    /**
     * Makes a {@link HookException}.
     *
     * @param model the model class
     * @param method the hook method's name
     * @param cause the cause, or null
     * @return the exception, to throw
     */
    public static RuntimeException hook(Class<?> model, String method, Throwable cause) {
        return new HookException(model, method, cause);
    }

    /**
     * Makes an {@link ItemNotFoundException}.
     *
     * @param model the model class
     * @param tableName the table
     * @param key the item's key
     * @param problem what was attempted and why it failed
     * @param cause the cause, or null
     * @return the exception, to throw
     */
    public static RuntimeException itemNotFound(Class<?> model, String tableName, Map<String, ?> key, String problem,
                                                @Nullable Throwable cause) {
        return new ItemNotFoundException(model, tableName, key, problem, cause);
    }

    /**
     * Makes a {@link ModelValidationException}.
     *
     * @param model the model class
     * @param field the Java field concerned, or null
     * @param problem what is wrong
     * @return the exception, to throw
     */
    public static RuntimeException modelValidation(Class<?> model, @Nullable String field, String problem) {
        return new ModelValidationException(model, field, problem);
    }

    /**
     * Makes a {@link ModelValidationException} with a cause.
     *
     * @param model the model class
     * @param field the Java field concerned, or null
     * @param problem what is wrong
     * @param cause the underlying failure, or null
     * @return the exception, to throw
     */
    public static RuntimeException modelValidation(Class<?> model, @Nullable String field, String problem,
                                                   @Nullable Throwable cause) {
        return new ModelValidationException(model, field, problem, cause);
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

    /**
     * Makes an {@link InvalidModelException} with a cause.
     *
     * @param model the model class
     * @param field the Java field concerned, or null
     * @param problem what is wrong and what to do
     * @param cause the underlying failure
     * @return the exception, to throw
     */
    public static RuntimeException invalidModel(Class<?> model, @Nullable String field, String problem,
                                                Throwable cause) {
        InvalidModelException failure = new InvalidModelException(model, field, problem);
        failure.initCause(cause);
        return failure;
    }

    /**
     * Makes a {@link CodecNotFoundException}.
     *
     * @param model the model class, or the type's raw class
     * @param field the field, or null
     * @param type the type that has no codec
     * @param cause what was missing deeper down, or null
     * @return the exception, to throw
     */
    public static RuntimeException codecNotFound(Class<?> model, @Nullable String field, Type type,
                                                 @Nullable Throwable cause) {
        CodecNotFoundException failure = new CodecNotFoundException(model, field, type);
        if (cause != null) {
            failure.initCause(cause);
        }
        return failure;
    }

    /**
     * Whether a failure is one of Dynamite's own, which a caller passes on as it is; asked instead of a
     * {@code catch (DynamiteException e)}, whose handler would have the verifier load the class.
     *
     * @param failure a failure
     * @return true for a {@link DynamiteException}
     */
    public static boolean isDynamite(Throwable failure) {
        return failure instanceof DynamiteException;
    }

    /**
     * Whether a failure is a {@link CodecNotFoundException}; asked instead of a {@code catch} of it.
     *
     * @param failure a failure
     * @return true if nothing had a codec
     */
    public static boolean isCodecNotFound(Throwable failure) {
        return failure instanceof CodecNotFoundException;
    }
}
