package dev.dynamite.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.dynamite.api.InvalidModelException;
import dev.dynamite.schema.EntityMetadata;
import dev.dynamite.schema.KeyTypeStrategies;
import dev.dynamite.schema.Schema;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each model mistake the run time refuses with {@code InvalidModelException} is a compile error with the run time's
 * sentence, on the element at fault (the line marked {@code // <-}), and no metamodel is written for the model. For
 * the mistakes {@code EntityMetadata} finds, the same source compiled without the processor is read at run time and
 * the exception's message is the compile error's, word for word.
 */
class ModelErrorsTest {
    /**
     * One mistake.
     *
     * @param body the class body (imports of every annotation are given); the line at fault ends in {@code // <-}
     * @param message the error's message
     * @param atRunTime whether {@code EntityMetadata.of} reports it (else a later step of the run time does)
     * @param bySchema whether {@code Schema.of} (the tables a client syncs) reports it
     */
    record Mistake(String body, String message, boolean atRunTime, boolean bySchema) {
        Mistake(String body, String message, boolean atRunTime) {
            this(body, message, atRunTime, false);
        }
    }

    private static final List<Mistake> MISTAKES = List.of(
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @PrimaryKey public String b; // <-
                    }""", "shop.M.b: second partition key: 'a' is already annotated @PrimaryKey/@Index, and a model"
                    + " has exactly one", true),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @IndexSort public String s;
                        @IndexSort public String t; // <-
                    }""", "shop.M.t: second sort key: 's' is already annotated @IndexSort, and a model has at most"
                    + " one", true),
            new Mistake("""
                    class M {
                        @PrimaryKey @Index public String a; // <-
                    }""", "shop.M.a: annotated both @PrimaryKey and @Index; they mean the same (the partition key):"
                    + " keep one", true),
            new Mistake("""
                    class M {
                        @PrimaryKey @IndexSort public String a; // <-
                    }""", "shop.M.a: cannot be both the partition key (@PrimaryKey/@Index) and the sort key"
                    + " (@IndexSort)", true),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @Name("a") public String b; // <-
                    }""", "shop.M.b: attribute name 'a' is already used by field 'a'; give one of them another @Name",
                    true),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @Name(" ") public String b; // <-
                    }""", "shop.M.b: @Name is blank; give the attribute name", true),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @NonAttribute @IndexSort public String b; // <-
                    }""", "shop.M.b: @NonAttribute marks a field that is not persisted, so it cannot be a key;"
                    + " remove @NonAttribute or the key annotation", true),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @HasMany(model = M.class, foreignKey = "a") public Set<M> many; // <-
                    }""", "shop.M.many: a @HasMany field must be declared as List<M>, not Set", true),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @BelongsTo(model = M.class, localKey = "a") public String parent; // <-
                    }""", "shop.M.parent: a @BelongsTo field must have the related model's type M, not String",
                    true),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @BelongsTo(model = M.class, localKey = "missing") public M parent; // <-
                    }""", "shop.M.parent: localKey 'missing' is not a persisted field of M", true),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @HasOne(model = M.class, foreignKey = "a") @IndexSort public M other; // <-
                    }""", "shop.M.other: a relation field is not persisted, so it cannot be a key or carry @Name;"
                    + " put the key annotations on a plain field", true),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @HasMany(model = String.class, foreignKey = "a") public List<String> notModels; // <-
                    }""", "java.lang.String: not registered as a model: no field is annotated @PrimaryKey or"
                    + " @Index; annotate the field that holds the partition key", false),
            new Mistake("""
                    class M {
                        @PrimaryKey public Map<String, String> a; // <-
                    }""", "shop.M.a: is a key field of type java.util.Map, which key strategy 'string' cannot store;"
                    + " use a String, number, byte[] or another type the strategy supports", false),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @Version public String version; // <-
                    }""", "shop.M.version: @Version needs a long or Long field, not String", false),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @CreatedAt public Integer at; // <-
                    }""", "shop.M.at: @CreatedAt needs a String (ISO-8601 UTC), Instant or long (epoch milliseconds)"
                    + " field, not Integer", false),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @CreatedAt @UpdatedAt public String at; // <-
                    }""", "shop.M.at: carries more than one of @CreatedAt, @UpdatedAt, @DeleteAt and @Version; keep"
                    + " one", false),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @Version public long v;
                        @Version public long w; // <-
                    }""", "shop.M.w: a model has at most one @Version field, but v has one too", false),
            new Mistake("""
                    class M {
                        @PrimaryKey @CreatedAt public String a; // <-
                    }""", "shop.M.a: a key field cannot be managed by Dynamite (@CreatedAt, @UpdatedAt, @DeleteAt,"
                    + " @Version)", false),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @Default("1") public int n; // <-
                    }""", "shop.M.n: @Default needs a field that can be null, but int cannot; declare it Integer",
                    false),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @Default public Integer n; // <-
                    }""", "shop.M.n: @Default needs a value or a generator for a field of type Integer", false),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @Default(value = "x", generator = UuidGenerator.class) public String n; // <-
                    }""", "shop.M.n: @Default gives both a value and a generator; keep one", false),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        public final String fixed = "x"; // <-
                    }""", "shop.M.fixed: is final, but Dynamite assigns persisted fields when it loads an item;"
                    + " remove final, make the model a record or an immutable class (every field final, with a"
                    + " constructor that takes them all or a static builder()), or mark the field transient or"
                    + " @NonAttribute", false),
            new Mistake("""
                    class M { // <-
                        @PrimaryKey public String a;
                        public M(String a) {
                            this.a = a;
                        }
                    }""", "shop.M: needs a public no-arg constructor, which Dynamite uses to create entities when it"
                    + " loads items; add one", false),
            new Mistake("""
                    abstract class M { // <-
                        @PrimaryKey public String a;
                    }""", "shop.M: is abstract; Dynamite instantiates models when it loads items, so a model needs to"
                    + " be a concrete class with a public no-arg constructor", false),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @BeforeCreate static void check() { // <-
                        }
                    }""", "shop.M.check(): a hook must be an instance method, not static", false),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @BeforeCreate @AfterCreate void twice() { // <-
                        }
                    }""", "shop.M.twice(): carries more than one hook annotation; declare one method per hook", false),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @BeforeCreate void check(String what) { // <-
                        }
                    }""", "shop.M.check(): a create or destroy hook takes no parameter", false),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @HasMany(model = M.class, foreignKey = "missing", localKey = "a") public List<M> kids; // <-
                    }""", "shop.M.kids: foreignKey 'missing' is not a persisted field of M; fields are: [a]", false,
                    true),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        public int n;
                        @HasMany(model = M.class, foreignKey = "n", localKey = "a") public List<M> kids; // <-
                    }""", "shop.M.kids: joins M.a (String) with M.n (int); the key fields a relation joins must have"
                    + " compatible types", false, true),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @Validate(M.Strict.class) public String b; // <-

                        public static final class Strict implements dev.dynamite.spi.Validator<String> {
                            public Strict(int level) {
                            }

                            @Override
                            public java.util.Optional<String> validate(String value) {
                                return java.util.Optional.empty();
                            }
                        }
                    }""", "shop.M.b: the validator shop.M$Strict needs a public no-arg constructor", false),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @CreatedAt @Validate(M.Fine.class) public String at; // <-

                        public static final class Fine implements dev.dynamite.spi.Validator<String> {
                            @Override
                            public java.util.Optional<String> validate(String value) {
                                return java.util.Optional.empty();
                            }
                        }
                    }""", "shop.M.at: transforms and validators cannot be used on a field that Dynamite manages"
                    + " (@CreatedAt)", false),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @Codec(M.Hidden.class) public String b; // <-

                        static final class Hidden implements dev.dynamite.spi.AttributeCodec<String> {
                            @Override
                            public software.amazon.awssdk.services.dynamodb.model.AttributeValue encode(String v) {
                                return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(v);
                            }

                            @Override
                            public String decode(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
                                return v.s();
                            }
                        }
                    }""", "shop.M.b: @Codec(shop.M$Hidden.class) must name a public, non-abstract class with a public"
                    + " no-arg constructor", false),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @Validate(M.Positive.class) public String b; // <-

                        public static final class Positive implements dev.dynamite.spi.Validator<Integer> {
                            @Override
                            public java.util.Optional<String> validate(Integer value) {
                                return java.util.Optional.empty();
                            }
                        }
                    }""", "shop.M.b: @Validate Positive works on Integer, but the field is a String", false),
            new Mistake("""
                    class M {
                        @PrimaryKey public String a;
                        @ManyToMany(model = M.class, pivotTable = "links", foreignKey = "k", relatedKey = "k",
                                localKey = "a", relatedPK = "a") public List<M> linked; // <-
                    }""", "shop.M.linked: @ManyToMany foreignKey 'k' and relatedKey 'k' must differ from each other and"
                    + " from the pivot table's key 'id'", true),
            new Mistake("""
                    record M(@PrimaryKey String a, @PrimaryKey String b) { // <-
                    }""", "shop.M.b: second partition key: 'a' is already annotated @PrimaryKey/@Index, and a model"
                    + " has exactly one", true));

    private static String source(String body) {
        return """
                package shop;

                import dev.dynamite.annotation.*;
                import dev.dynamite.api.UuidGenerator;
                import java.util.List;
                import java.util.Map;
                import java.util.Set;

                """ + "public " + body + "\n";
    }

    @Test
    void eachModelMistakeIsACompileErrorWithTheRunTimeWordingOnTheElement(@TempDir Path dir) throws Exception {
        int run = 0;
        for (Mistake mistake : MISTAKES) {
            Path at = dir.resolve("run" + run++);
            String source = source(mistake.body());
            Compilation compiled = Compilation.of(at.resolve("processed"), Map.of("shop/M.java", source));

            assertThat(compiled.success).as(source).isFalse();
            assertThat(compiled.errors()).as(source).singleElement().satisfies(error -> {
                assertThat(error.message()).isEqualTo(mistake.message());
                assertThat(error.lineText()).as("the element at fault").endsWith("// <-");
            });
            assertThat(compiled.generated.resolve("shop/M_.java")).as("no metamodel of a wrong model")
                    .doesNotExist();

            if (mistake.atRunTime() || mistake.bySchema()) {
                Compilation plain = Compilation.of(at.resolve("plain"), Map.of("shop/M.java", source), false,
                        List.of());
                assertThat(plain.success).as("%s", plain).isTrue();
                try (URLClassLoader loader = plain.loader()) {
                    Class<?> model = loader.loadClass("shop.M");
                    Throwable thrown = catchThrowable(() -> {
                        if (mistake.bySchema()) {
                            Schema.of(List.of(model), KeyTypeStrategies.named(KeyTypeStrategies.DEFAULT), "");
                        } else {
                            EntityMetadata.of(model);
                        }
                    });
                    assertThat(thrown).as(source).isInstanceOf(InvalidModelException.class)
                            .hasMessage(mistake.message());
                }
            }
        }
    }

    @Test
    void onlyTheModelsOfTheListedPackagesAreHandledWhenPackagesAreListed(@TempDir Path dir) {
        String wrong = source(MISTAKES.get(0).body());
        String right = "package other;\n\nimport dev.dynamite.annotation.PrimaryKey;\n\n"
                + "public class Fine {\n    @PrimaryKey public String id;\n}\n";
        Compilation compiled = Compilation.of(dir, Map.of("shop/M.java", wrong, "other/Fine.java", right), true,
                List.of("-A" + ModelProcessor.PACKAGES_OPTION + "=other,elsewhere"));

        assertThat(compiled.success).as("%s", compiled).isTrue();
        assertThat(compiled.generated.resolve("other/Fine_.java")).exists();
        assertThat(compiled.generated.resolve("shop/M_.java")).doesNotExist();
    }

    @Test
    void aKeyTypeOfAnApplicationsStrategyIsLeftToTheRunTime(@TempDir Path dir) {
        String source = source("""
                class M {
                    @PrimaryKey public Map<String, String> a;
                }""");
        Compilation compiled = Compilation.of(dir, Map.of("shop/M.java", source), true,
                List.of("-A" + ModelProcessor.KEY_STRATEGY_OPTION + "=reversed"));

        assertThat(compiled.success).as("%s", compiled).isTrue();
        assertThat(compiled.generatedSource("shop/M_.java")).contains("M_");
    }
}
