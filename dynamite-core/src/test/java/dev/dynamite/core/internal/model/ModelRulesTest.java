package dev.dynamite.core.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.Table;
import dev.dynamite.annotation.AfterCreate;
import dev.dynamite.annotation.BeforeCreate;
import dev.dynamite.annotation.BeforeUpdate;
import dev.dynamite.annotation.CreatedAt;
import dev.dynamite.annotation.Default;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.annotation.Set;
import dev.dynamite.annotation.Validate;
import dev.dynamite.annotation.Version;
import dev.dynamite.api.InvalidModelException;
import dev.dynamite.api.ModelValidationException;
import dev.dynamite.api.UuidGenerator;
import dev.dynamite.spi.Transform;
import dev.dynamite.spi.Validator;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Mistakes in data annotations and hooks fail when the model is prepared, naming model, field and the fix. */
class ModelRulesTest {

    public static final class Trim implements Transform<String> {
        @Override
        public String apply(String value) {
            return value.strip();
        }
    }

    public static final class NeedsArgument implements Validator<String> {
        public NeedsArgument(String pattern) {
        }

        @Override
        public Optional<String> validate(String value) {
            return Optional.empty();
        }
    }

    public static final class DefaultOnPrimitive extends Table<DefaultOnPrimitive> {
        @PrimaryKey public String id;
        @Default("1") public int count;
    }

    public static final class UnparseableDefault extends Table<UnparseableDefault> {
        @PrimaryKey public String id;
        @Default("lots") public Integer count;
    }

    public static final class DefaultWithBoth extends Table<DefaultWithBoth> {
        @PrimaryKey @Default(value = "x", generator = UuidGenerator.class) public String id;
    }

    public static final class VersionOnString extends Table<VersionOnString> {
        @PrimaryKey public String id;
        @Version public String version;
    }

    public static final class TwoVersions extends Table<TwoVersions> {
        @PrimaryKey public String id;
        @Version public long first;
        @Version public Long second;
    }

    public static final class ManagedKey extends Table<ManagedKey> {
        @PrimaryKey @CreatedAt public String id;
    }

    public static final class CreatedAtOnInt extends Table<CreatedAtOnInt> {
        @PrimaryKey public String id;
        @CreatedAt public int createdAt;
    }

    public static final class TransformOfWrongType extends Table<TransformOfWrongType> {
        @PrimaryKey public String id;
        @Set(Trim.class) public Integer count;
    }

    public static final class ValidatorWithoutNoArg extends Table<ValidatorWithoutNoArg> {
        @PrimaryKey public String id;
        @Validate(NeedsArgument.class) public String name;
    }

    public static final class StaticHook extends Table<StaticHook> {
        @PrimaryKey public String id;

        @BeforeCreate
        static void before() {
        }
    }

    public static final class HookWithParameter extends Table<HookWithParameter> {
        @PrimaryKey public String id;

        @BeforeCreate
        void before(String what) {
        }
    }

    public static final class TwoHookAnnotations extends Table<TwoHookAnnotations> {
        @PrimaryKey public String id;

        @BeforeCreate @AfterCreate
        void both() {
        }
    }

    public static final class Fine extends Table<Fine> {
        @PrimaryKey @Default(generator = UuidGenerator.class) public String id;
        @Default("7") public Long count;
        @Default public String empty;
        @Set(Trim.class) public String name;

        @BeforeUpdate
        void withChanges(Map<String, Object> changes) {
        }

        @BeforeUpdate
        void withoutChanges() {
        }
    }

    @Test
    void refusesAnnotationMistakesNamingModelFieldAndFix() {
        assertThatThrownBy(() -> ModelRules.of(DefaultOnPrimitive.class)).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("DefaultOnPrimitive.count").hasMessageContaining("declare it Integer");
        assertThatThrownBy(() -> ModelRules.of(UnparseableDefault.class))
                .hasMessageContaining("UnparseableDefault.count").hasMessageContaining("@Default(\"lots\")");
        assertThatThrownBy(() -> ModelRules.of(DefaultWithBoth.class))
                .hasMessageContaining("DefaultWithBoth.id").hasMessageContaining("both a value and a generator");
        assertThatThrownBy(() -> ModelRules.of(VersionOnString.class))
                .hasMessageContaining("VersionOnString.version").hasMessageContaining("long or Long");
        assertThatThrownBy(() -> ModelRules.of(TwoVersions.class))
                .hasMessageContaining("TwoVersions.second").hasMessageContaining("at most one @Version");
        assertThatThrownBy(() -> ModelRules.of(ManagedKey.class))
                .hasMessageContaining("ManagedKey.id").hasMessageContaining("key field cannot be managed");
        assertThatThrownBy(() -> ModelRules.of(CreatedAtOnInt.class))
                .hasMessageContaining("CreatedAtOnInt.createdAt").hasMessageContaining("String (ISO-8601 UTC)");
        assertThatThrownBy(() -> ModelRules.of(TransformOfWrongType.class))
                .hasMessageContaining("TransformOfWrongType.count").hasMessageContaining("Trim works on String");
        assertThatThrownBy(() -> ModelRules.of(ValidatorWithoutNoArg.class))
                .hasMessageContaining("ValidatorWithoutNoArg.name").hasMessageContaining("public no-arg constructor");
    }

    @Test
    void refusesMisdeclaredHooks() {
        assertThatThrownBy(() -> ModelRules.of(StaticHook.class)).isInstanceOf(InvalidModelException.class)
                .hasMessageContaining("StaticHook.before()").hasMessageContaining("not static");
        assertThatThrownBy(() -> ModelRules.of(HookWithParameter.class))
                .hasMessageContaining("HookWithParameter.before()").hasMessageContaining("takes no parameter");
        assertThatThrownBy(() -> ModelRules.of(TwoHookAnnotations.class))
                .hasMessageContaining("TwoHookAnnotations.both()").hasMessageContaining("more than one hook");
    }

    @Test
    void preparesDefaultsTransformsAndHooksOfAValidModel() {
        ModelRules rules = ModelRules.of(Fine.class);
        assertThat(rules.field("count").defaultValue(Fine.class)).isEqualTo(7L);
        assertThat(rules.field("empty").defaultValue(Fine.class)).isEqualTo("");
        assertThat((String) rules.field("id").defaultValue(Fine.class)).hasSize(36)
                .isNotEqualTo(rules.field("id").defaultValue(Fine.class));
        assertThat(rules.field("name").applyWrite(Fine.class, "  x ")).isEqualTo("x");
        assertThat(rules.field("name").applyWrite(Fine.class, null)).isNull();
        assertThat(rules.hasHooks(ModelRules.HookKind.BEFORE_UPDATE)).isTrue();
        assertThat(rules.hasHooks(ModelRules.HookKind.BEFORE_CREATE)).isFalse();
        assertThat(ModelRules.of(Fine.class)).isSameAs(rules);
    }

    public static final class ToNumber implements Transform<Object> {
        @Override
        public Object apply(Object value) {
            return 42;
        }
    }

    public static final class WrongResult extends Table<WrongResult> {
        @PrimaryKey public String id;
        @Set(ToNumber.class) public String name;
    }

    @Test
    void aTransformReturningAnotherTypeIsAClearErrorAtWriteTime() {
        FieldRuleProbe probe = new FieldRuleProbe(ModelRules.of(WrongResult.class));
        assertThatThrownBy(() -> probe.write("name", "x")).isInstanceOf(ModelValidationException.class)
                .hasMessage("WrongResult.name: transform ToNumber returned Integer '42', which a field of type String"
                        + " cannot hold");
    }

    private record FieldRuleProbe(ModelRules rules) {
        Object write(String field, Object value) {
            return rules.field(field).applyWrite(rules.type, value);
        }
    }
}
