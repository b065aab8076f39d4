package dev.dynamite.core.internal.codec;

import dev.dynamite.core.internal.errors.Failures;
import dev.dynamite.annotation.Codec;
import dev.dynamite.api.CodecNotFoundException;
import dev.dynamite.api.InvalidModelException;
import dev.dynamite.api.PluginLoadException;
import dev.dynamite.schema.internal.members.Marks;
import dev.dynamite.schema.internal.members.Member;
import dev.dynamite.spi.AttributeCodec;
import dev.dynamite.spi.CodecLookup;
import dev.dynamite.spi.CodecProvider;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The codec registry: finds the {@link AttributeCodec} of a type or of a model field.
 *
 * <p>Precedence: {@code @Codec} on the field, then the providers in order (explicitly given ones first, then those
 * found with {@link ServiceLoader}, each group by {@link CodecProvider#priority()} descending, then class name), then
 * the built-in codecs of {@link BuiltInCodecs}. Answers are cached per {@link Type}; thread-safe.
 */
public final class Codecs implements CodecLookup {
    /** Priority descending, then class name: the deterministic order of providers. */
    private static final class ByPriority implements Comparator<CodecProvider> {
        // a class, not composed lambdas: nothing to spin when a cold JVM builds its first client
        @Override
        public int compare(CodecProvider a, CodecProvider b) {
            int byPriority = Integer.compare(b.priority(), a.priority());
            return byPriority != 0 ? byPriority : a.getClass().getName().compareTo(b.getClass().getName());
        }
    }

    /** Sorts providers by priority; a list of one or none needs no comparator, nor its class loaded. */
    private static void sort(List<CodecProvider> providers) {
        if (providers.size() > 1) {
            providers.sort(new ByPriority());
        }
    }

    private final List<CodecProvider> providers;
    private final ConcurrentMap<Type, AttributeCodec<?>> byType = new ConcurrentHashMap<>();
    private final ConcurrentMap<Class<?>, AttributeCodec<?>> byCodecClass = new ConcurrentHashMap<>();

    private Codecs(List<CodecProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    /**
     * Returns a registry of the providers found with {@link ServiceLoader} and the built-in codecs.
     *
     * @return the registry
     * @throws PluginLoadException if a registered provider cannot be loaded or instantiated
     */
    public static Codecs discover() {
        return discover(List.of());
    }

    /**
     * Returns a registry of explicit providers, which win over those found with {@link ServiceLoader}, and the
     * built-in codecs. A discovered provider of the same class as an explicit one is dropped.
     *
     * @param explicit providers given by the configuration
     * @return the registry
     * @throws PluginLoadException if a registered provider cannot be loaded or instantiated
     */
    public static Codecs discover(List<? extends CodecProvider> explicit) {
        return combine(explicit, load(ServiceLoader.load(CodecProvider.class)));
    }

    /**
     * Returns a registry of exactly these providers (nothing discovered) and the built-in codecs.
     *
     * @param providers the providers, in any order (they are sorted by priority, then class name)
     * @return the registry
     */
    public static Codecs of(List<? extends CodecProvider> providers) {
        return combine(providers, List.of());
    }

    static Codecs combine(List<? extends CodecProvider> explicit, List<CodecProvider> discovered) {
        List<CodecProvider> ordered = new ArrayList<>(explicit);
        sort(ordered);
        Set<Class<?>> explicitClasses = new HashSet<>();
        for (CodecProvider provider : explicit) {
            explicitClasses.add(provider.getClass());
        }
        for (CodecProvider provider : discovered) {
            if (!explicitClasses.contains(provider.getClass())) {
                ordered.add(provider);
            }
        }
        return new Codecs(ordered);
    }

    /** Loads and sorts providers; the source is a {@link ServiceLoader} except in tests. */
    static List<CodecProvider> load(Iterable<CodecProvider> source) {
        List<CodecProvider> found = new ArrayList<>();
        try {
            for (CodecProvider provider : source) {
                found.add(provider);
            }
        } catch (ServiceConfigurationError e) {
            throw Failures.pluginLoad("Cannot load a dev.dynamite.spi.CodecProvider plugin: " + e.getMessage()
                    + ". Check that it is public, has a public no-arg constructor, and is registered with 'provides"
                    + " dev.dynamite.spi.CodecProvider with …' (module path) or META-INF/services (class path).", e);
        }
        sort(found);
        return found;
    }

    /**
     * Returns the providers in the order they are asked.
     *
     * @return an unmodifiable list
     */
    public List<CodecProvider> providers() {
        return providers;
    }

    /**
     * Returns the codec of a type: the first provider's answer, else the built-in codec; cached per type.
     *
     * @param type a class or a parameterized type
     * @param <T> the Java type
     * @return the codec
     * @throws CodecNotFoundException if nothing handles the type; its model is the type's raw class and it names no
     *     field (use {@link #codecFor(Class, Member)} for a model field)
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T> AttributeCodec<T> codecFor(Type type) {
        AttributeCodec<?> cached = byType.get(type);
        if (cached != null) {
            return (AttributeCodec<T>) cached;
        }
        // not computeIfAbsent: container codecs look up their element codecs recursively
        AttributeCodec<?> found = find(type);
        AttributeCodec<?> raced = byType.putIfAbsent(type, found);
        return (AttributeCodec<T>) (raced != null ? raced : found);
    }

    private AttributeCodec<?> find(Type type) {
        for (CodecProvider provider : providers) {
            Optional<AttributeCodec<?>> answer = provider.codecFor(type, this);
            if (answer.isPresent()) {
                return answer.get();
            }
        }
        AttributeCodec<?> builtIn = BuiltInCodecs.forType(type, this);
        if (builtIn == null) {
            throw Failures.codecNotFound(BuiltInCodecs.rawClass(type), null, type, null);
        }
        return builtIn;
    }

    /**
     * Returns the codec of a model field: the codec named by its {@code @Codec}, else {@link #codecFor(Type)} of its
     * generic type.
     *
     * @param model the model class
     * @param field a field declared in the model or a superclass
     * @param <T> the field's type
     * @return the codec
     * @throws CodecNotFoundException naming model, field and the field's type if nothing handles it (the cause says
     *     which nested type had no codec)
     * @throws InvalidModelException if the {@code @Codec} class is not public, abstract, or has no public no-arg
     *     constructor, or its constructor fails
     */
    @SuppressWarnings("unchecked")
    public <T> AttributeCodec<T> codecFor(Class<?> model, Member field) {
        Codec explicit = field.has(Marks.CODEC) ? field.annotation(Codec.class) : null;
        if (explicit != null) {
            Class<? extends AttributeCodec<?>> codecClass = explicit.value();
            AttributeCodec<?> cached = byCodecClass.get(codecClass);
            if (cached == null) {
                AttributeCodec<?> created = NamedCodecs.instantiate(model, field, codecClass);
                cached = byCodecClass.putIfAbsent(codecClass, created);
                if (cached == null) {
                    cached = created;
                }
            }
            return (AttributeCodec<T>) cached;
        }
        try {
            return codecFor(field.genericType());
        } catch (RuntimeException e) {
            throw Failures.isCodecNotFound(e) ? Failures.codecNotFound(model, field.name(), field.genericType(), e) : e;
        }
    }

    // ---------------------------------------------------------------- direct calls
    // Calls of the common built-in scalar codecs without interface dispatch (here rather than in a class of their
    // own: one class fewer for a cold JVM). A mapper calls the codecs of all its fields from one place, where a call
    // through AttributeCodec goes to many classes and cannot be inlined. directKind classifies a codec once, when the
    // mapper is built, and encodeDirect then calls the codec's own encode on its concrete class (the same code, so
    // the same result and errors), or through the interface for any other codec.

    /** The {@link #directKind} of any other codec: called through the interface. */
    public static final int OTHER_KIND = 0;
    private static final int STRING = 1;
    private static final int INSTANT = 2;
    private static final int NUMBER = 3;
    private static final int BOOLEAN = 4;

    /**
     * Classifies a codec for {@link #encodeDirect}.
     *
     * @param codec a codec
     * @return its kind; {@link #OTHER_KIND} for a codec that is not one of the common built-in scalar codecs
     */
    public static int directKind(AttributeCodec<?> codec) {
        Class<?> type = codec.getClass();
        if (type == BuiltInCodecs.PlainStringCodec.class) {
            return STRING;
        } else if (type == InstantCodec.class) {
            return INSTANT;
        } else if (type == NumberCodec.class) {
            return NUMBER;
        } else if (type == BuiltInCodecs.BooleanCodec.class) {
            return BOOLEAN;
        }
        return OTHER_KIND;
    }

    /**
     * Encodes a value with a codec, as {@code codec.encode(value)} does.
     *
     * @param kind the codec's {@link #directKind}
     * @param codec the codec
     * @param value the value, not null
     * @return the attribute value
     */
    @SuppressWarnings("unchecked")
    public static AttributeValue encodeDirect(int kind, AttributeCodec<Object> codec, Object value) {
        switch (kind) {
            case STRING:
                return ((BuiltInCodecs.PlainStringCodec) (AttributeCodec<?>) codec).encode((String) value);
            case INSTANT:
                return ((InstantCodec) (AttributeCodec<?>) codec).encode((Instant) value);
            case NUMBER:
                return ((NumberCodec<Number>) (AttributeCodec<?>) codec).encode((Number) value);
            case BOOLEAN:
                return ((BuiltInCodecs.BooleanCodec) (AttributeCodec<?>) codec).encode((Boolean) value);
            default:
                return codec.encode(value);
        }
    }
}
