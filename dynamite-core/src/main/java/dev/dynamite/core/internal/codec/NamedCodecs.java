package dev.dynamite.core.internal.codec;

import dev.dynamite.api.InvalidModelException;
import dev.dynamite.meta.GeneratedModel;
import dev.dynamite.meta.GeneratedModels;
import dev.dynamite.schema.internal.members.Member;
import dev.dynamite.spi.AttributeCodec;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * Makes the codec class a field's {@code @Codec} names. Apart from {@link Codecs}, whose class every client loads, so
 * that the reflection and the errors of making one are loaded only by a model that names a codec.
 */
final class NamedCodecs {
    private NamedCodecs() {
    }

    /**
     * Makes a codec: through the model's generated code where there is some, else by its public no-arg constructor.
     *
     * @throws InvalidModelException if the class is not public, is abstract, has no public no-arg constructor, or its
     *     constructor fails
     */
    static AttributeCodec<?> instantiate(Class<?> model, Member field, Class<? extends AttributeCodec<?>> type) {
        String where = "@Codec(" + type.getName() + ".class)";
        GeneratedModel<?> generated = GeneratedModels.find(model);
        if (generated != null) {
            // the generated code makes it: the codec's package need not be exported to Dynamite
            return (AttributeCodec<?>) generated.instantiate(type);
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())
                || type.isInterface()) {
            throw new InvalidModelException(model, field.name(), where
                    + " must name a public, non-abstract class with a public no-arg constructor");
        }
        Constructor<? extends AttributeCodec<?>> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw new InvalidModelException(model, field.name(), where
                    + " has no public no-arg constructor; add one");
        }
        try {
            return constructor.newInstance();
        } catch (IllegalAccessException e) {
            InvalidModelException failure = new InvalidModelException(model, field.name(), where
                    + " cannot be instantiated: its package must be exported (or opened) to dev.dynamite.core");
            failure.initCause(e);
            throw failure;
        } catch (InvocationTargetException | InstantiationException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            InvalidModelException failure = new InvalidModelException(model, field.name(), where
                    + " failed in its constructor: " + cause);
            failure.initCause(cause);
            throw failure;
        }
    }
}
