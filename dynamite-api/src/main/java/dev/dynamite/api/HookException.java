package dev.dynamite.api;

/**
 * Wraps a checked exception thrown by a hook method ({@code @BeforeCreate} and the others); unchecked exceptions
 * propagate unchanged. When a before-hook fails, nothing is written.
 */
public final class HookException extends DynamiteException {
    private static final long serialVersionUID = 1L;

    private final transient Class<?> model;
    private final String method;

    /**
     * Creates the exception.
     *
     * @param model the model class
     * @param method the hook method's name
     * @param cause what the hook threw
     */
    public HookException(Class<?> model, String method, Throwable cause) {
        super(model.getSimpleName() + "." + method + "(): the hook threw " + cause, cause);
        this.model = model;
        this.method = method;
    }

    /**
     * Returns the model class.
     *
     * @return the model class
     */
    public Class<?> model() {
        return model;
    }

    /**
     * Returns the name of the hook method that failed.
     *
     * @return the method name
     */
    public String method() {
        return method;
    }
}
