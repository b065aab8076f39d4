package dev.dynamite.core.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.annotation.Codec;
import dev.dynamite.api.CodecNotFoundException;
import dev.dynamite.api.InvalidModelException;
import dev.dynamite.api.PluginLoadException;
import dev.dynamite.schema.internal.members.Member;
import dev.dynamite.schema.internal.members.Members;
import dev.dynamite.spi.AttributeCodec;
import dev.dynamite.spi.CodecLookup;
import dev.dynamite.spi.CodecProvider;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CodecsTest {

    /** Stores a String reversed, so a test can tell it from the built-in codec. */
    public static final class ReversedCodec implements AttributeCodec<String> {
        @Override
        public AttributeValue encode(String value) {
            return AttributeValue.fromS(new StringBuilder(value).reverse().toString());
        }

        @Override
        public String decode(AttributeValue value) {
            return new StringBuilder(value.s()).reverse().toString();
        }
    }

    /** Stores a String with a fixed prefix. */
    public static final class PrefixCodec implements AttributeCodec<String> {
        private final String prefix;

        public PrefixCodec() {
            this("field:");
        }

        PrefixCodec(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public AttributeValue encode(String value) {
            return AttributeValue.fromS(prefix + value);
        }

        @Override
        public String decode(AttributeValue value) {
            return value.s().substring(prefix.length());
        }
    }

    /** A codec without a public no-arg constructor. */
    public static final class NoDefaultConstructorCodec implements AttributeCodec<String> {
        public NoDefaultConstructorCodec(String unused) {
        }

        @Override
        public AttributeValue encode(String value) {
            return AttributeValue.fromS(value);
        }

        @Override
        public String decode(AttributeValue value) {
            return value.s();
        }
    }

    /** A codec whose constructor fails. */
    public static final class FailingCodec implements AttributeCodec<String> {
        public FailingCodec() {
            throw new IllegalStateException("boom");
        }

        @Override
        public AttributeValue encode(String value) {
            return AttributeValue.fromS(value);
        }

        @Override
        public String decode(AttributeValue value) {
            return value.s();
        }
    }

    /** Answers for String only, with a given codec and priority. */
    static class StringProvider implements CodecProvider {
        final AttributeCodec<String> codec;
        private final int priority;
        int calls;

        StringProvider(AttributeCodec<String> codec, int priority) {
            this.codec = codec;
            this.priority = priority;
        }

        @Override
        public Optional<AttributeCodec<?>> codecFor(Type type, CodecLookup lookup) {
            calls++;
            return type == String.class ? Optional.of(codec) : Optional.empty();
        }

        @Override
        public int priority() {
            return priority;
        }
    }

    static final class OtherStringProvider extends StringProvider {
        OtherStringProvider(AttributeCodec<String> codec, int priority) {
            super(codec, priority);
        }
    }

    /** A provider of a container codec that uses the lookup for its element: {@code Optional<E>} as a one-item L. */
    static final class OptionalProvider implements CodecProvider {
        @Override
        public Optional<AttributeCodec<?>> codecFor(Type type, CodecLookup lookup) {
            if (!(type instanceof ParameterizedType) || ((ParameterizedType) type).getRawType() != Optional.class) {
                return Optional.empty();
            }
            AttributeCodec<Object> element = lookup.codecFor(((ParameterizedType) type).getActualTypeArguments()[0]);
            return Optional.of(new AttributeCodec<Optional<Object>>() {
                @Override
                public AttributeValue encode(Optional<Object> value) {
                    return AttributeValue.fromL(value.map(element::encode).stream().toList());
                }

                @Override
                public Optional<Object> decode(AttributeValue value) {
                    return value.l().stream().findFirst().map(element::decode);
                }
            });
        }
    }

    @SuppressWarnings("unused")
    static final class Model {
        String plain;
        @Codec(PrefixCodec.class) String annotated;
        @Codec(PrefixCodec.class) String annotatedToo;
        @Codec(NoDefaultConstructorCodec.class) String noConstructor;
        @Codec(FailingCodec.class) String failing;
        Object unsupported;
        List<Object> unsupportedElements;
        Map<String, Instant> times;
    }

    private static Member field(String name) throws NoSuchFieldException {
        for (Member member : Members.of(Model.class)) {
            if (member.name().equals(name)) {
                return member;
            }
        }
        throw new NoSuchFieldException(name);
    }

    @Test
    void aProviderWinsOverTheBuiltInCodec() {
        ReversedCodec reversed = new ReversedCodec();
        Codecs codecs = Codecs.of(List.of(new StringProvider(reversed, 0)));
        assertThat(codecs.<String>codecFor(String.class)).isSameAs(reversed);
        assertThat(codecs.codecFor(String.class).encode("abc")).isEqualTo(AttributeValue.fromS("cba"));
        assertThat(codecs.codecFor(Instant.class)).isSameAs(BuiltInCodecs.INSTANT);
    }

    @Test
    void providersApplyToElementsOfBuiltInContainers() {
        Codecs codecs = Codecs.of(List.of(new StringProvider(new ReversedCodec(), 0)));
        Type type = new TypeRef<List<String>>() {}.type();
        assertThat(codecs.codecFor(type).encode(List.of("ab"))).isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromS("ba"))));
    }

    @Test
    void providersCanLookUpElementCodecs() {
        Codecs codecs = Codecs.of(List.of(new OptionalProvider()));
        Type type = new TypeRef<Optional<Instant>>() {}.type();
        AttributeCodec<Optional<Instant>> codec = codecs.codecFor(type);
        AttributeValue encoded = codec.encode(Optional.of(Instant.EPOCH));
        assertThat(encoded).isEqualTo(AttributeValue.fromL(List.of(AttributeValue.fromS("1970-01-01T00:00:00Z"))));
        assertThat(codec.decode(encoded)).contains(Instant.EPOCH);
    }

    @Test
    void higherPriorityWinsThenClassName() {
        StringProvider low = new StringProvider(new ReversedCodec(), 1);
        StringProvider high = new StringProvider(new PrefixCodec("high:"), 5);
        Codecs codecs = Codecs.of(List.of(low, high));
        assertThat(codecs.providers()).containsExactly(high, low);
        assertThat(codecs.<String>codecFor(String.class)).isSameAs(high.codec);

        StringProvider a = new StringProvider(new ReversedCodec(), 0);
        OtherStringProvider b = new OtherStringProvider(new ReversedCodec(), 0);
        // CodecsTest$OtherStringProvider sorts before CodecsTest$StringProvider
        assertThat(Codecs.of(List.of(a, b)).providers()).containsExactly(b, a);
        assertThat(Codecs.of(List.of(b, a)).providers()).containsExactly(b, a);
    }

    @Test
    void explicitProvidersWinOverDiscoveredOnes() {
        StringProvider explicit = new StringProvider(new PrefixCodec("explicit:"), -10);
        OtherStringProvider discovered = new OtherStringProvider(new ReversedCodec(), 100);
        StringProvider discoveredDuplicate = new StringProvider(new ReversedCodec(), 200);
        Codecs codecs = Codecs.combine(List.of(explicit), List.of(discoveredDuplicate, discovered));
        assertThat(codecs.providers()).containsExactly(explicit, discovered);
        assertThat(codecs.<String>codecFor(String.class)).isSameAs(explicit.codec);
    }

    @Test
    void discoverFindsNoProviderInCoreAlone() {
        Codecs codecs = Codecs.discover();
        assertThat(codecs.providers()).isEmpty();
        assertThat(codecs.codecFor(String.class)).isSameAs(BuiltInCodecs.STRING);
        StringProvider explicit = new StringProvider(new ReversedCodec(), 0);
        assertThat(Codecs.discover(List.of(explicit)).providers()).containsExactly(explicit);
    }

    @Test
    void serviceConfigurationErrorsBecomePluginLoadExceptions() {
        Iterable<CodecProvider> broken = () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public CodecProvider next() {
                throw new ServiceConfigurationError("dev.dynamite.spi.CodecProvider: Provider x.Y not found");
            }
        };
        assertThatThrownBy(() -> Codecs.load(broken)).isInstanceOf(PluginLoadException.class)
                .hasMessageContaining("x.Y not found").hasCauseInstanceOf(ServiceConfigurationError.class);
    }

    @Test
    void codecsAreCachedPerType() {
        StringProvider provider = new StringProvider(new ReversedCodec(), 0);
        Codecs codecs = Codecs.of(List.of(provider));
        Type type = new TypeRef<Map<String, List<Instant>>>() {}.type();
        AttributeCodec<Object> first = codecs.codecFor(type);
        int calls = provider.calls;
        assertThat(codecs.<Object>codecFor(new TypeRef<Map<String, List<Instant>>>() {}.type())).isSameAs(first);
        assertThat(provider.calls).isEqualTo(calls);
        assertThat(codecs.<Object>codecFor(String.class)).isSameAs(codecs.codecFor(String.class));
    }

    @Test
    void codecAnnotationWinsOverEverything() throws NoSuchFieldException {
        StringProvider provider = new StringProvider(new ReversedCodec(), 1000);
        Codecs codecs = Codecs.of(List.of(provider));
        AttributeCodec<String> codec = codecs.codecFor(Model.class, field("annotated"));
        assertThat(codec).isInstanceOf(PrefixCodec.class);
        assertThat(codec.encode("x")).isEqualTo(AttributeValue.fromS("field:x"));
        assertThat(codecs.<String>codecFor(Model.class, field("annotatedToo"))).isSameAs(codec);
        assertThat(codecs.<String>codecFor(Model.class, field("plain"))).isSameAs(provider.codec);
        assertThat(codecs.<Map<String, Instant>>codecFor(Model.class, field("times")))
                .isSameAs(codecs.codecFor(new TypeRef<Map<String, Instant>>() {}.type()));
    }

    @Test
    void codecAnnotationErrorsNameModelFieldAndFix() {
        Codecs codecs = Codecs.of(List.of());
        assertThatThrownBy(() -> codecs.codecFor(Model.class, field("noConstructor")))
                .isInstanceOf(InvalidModelException.class)
                .hasMessageContaining(Model.class.getName() + ".noConstructor: ")
                .hasMessageContaining("NoDefaultConstructorCodec").hasMessageContaining("public no-arg constructor");
        assertThatThrownBy(() -> codecs.codecFor(Model.class, field("failing")))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("failing")
                .hasMessageContaining("boom").hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void codecNotFoundNamesModelFieldAndType() {
        Codecs codecs = Codecs.of(List.of());
        assertThatThrownBy(() -> codecs.codecFor(Model.class, field("unsupported")))
                .isInstanceOfSatisfying(CodecNotFoundException.class, e -> {
                    assertThat(e.model()).isEqualTo(Model.class);
                    assertThat(e.field()).contains("unsupported");
                    assertThat(e.type()).isEqualTo(Object.class);
                })
                .hasMessageStartingWith(Model.class.getName() + ".unsupported: no codec for type java.lang.Object")
                .hasMessageContaining("@Codec").hasMessageContaining("CodecProvider");
        assertThatThrownBy(() -> codecs.codecFor(Model.class, field("unsupportedElements")))
                .isInstanceOfSatisfying(CodecNotFoundException.class, e -> {
                    assertThat(e.field()).contains("unsupportedElements");
                    assertThat(e.type().getTypeName()).isEqualTo("java.util.List<java.lang.Object>");
                    assertThat(((CodecNotFoundException) e.getCause()).type()).isEqualTo(Object.class);
                })
                .hasMessageContaining(".unsupportedElements: no codec for type java.util.List<java.lang.Object>");
    }
}
