package dev.dynamite.api;

import java.lang.reflect.Type;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when no codec can store a field's type: no {@code @Codec} on the field, no {@code CodecProvider} that
 * handles it, and no built-in codec. The message names the model, the field and the type, and says how to add a codec.
 */
public final class CodecNotFoundException extends InvalidModelException {
    private static final long serialVersionUID = 1L;

    private final transient Type type;

    /**
     * Creates the exception.
     *
     * @param model the model class
     * @param field the field whose type has no codec, or {@code null} when the type is looked up outside a model
     * @param type the type no codec handles
     */
    public CodecNotFoundException(Class<?> model, @Nullable String field, Type type) {
        super(model, field, "no codec for type " + type.getTypeName() + "; annotate the field with @Codec(YourCodec.class)"
                + " or register a dev.dynamite.spi.CodecProvider (provides … with … in module-info.java, and"
                + " META-INF/services for the class path)");
        this.type = type;
    }

    /**
     * Returns the type no codec handles.
     *
     * @return the type, generic arguments included
     */
    public Type type() {
        return type;
    }
}
