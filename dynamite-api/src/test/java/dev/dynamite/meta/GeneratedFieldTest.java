package dev.dynamite.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.annotation.Name;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.annotation.Version;
import java.lang.annotation.Annotation;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A generated field's annotations: named up front, made when first asked for. */
class GeneratedFieldTest {
    private static Name name(String value) {
        return new Name() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return Name.class;
            }

            @Override
            public String value() {
                return value;
            }
        };
    }

    private static PrimaryKey primaryKey() {
        return new PrimaryKey() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return PrimaryKey.class;
            }
        };
    }

    @Test
    void annotationsAreMadeOnlyWhenAskedForAndOnce() {
        AtomicInteger makes = new AtomicInteger();
        GeneratedField field = new GeneratedField("id", GeneratedFieldTest.class, String.class, String.class,
                new String[] {PrimaryKey.class.getName(), Name.class.getName()}, index -> {
                    makes.incrementAndGet();
                    return index == 0 ? primaryKey() : name("pk");
                }, false, o -> o, null);

        assertThat(field.annotationNames()).containsExactly(PrimaryKey.class.getName(), Name.class.getName());
        assertThat(makes).as("naming them makes none").hasValue(0);
        Name made = field.annotation(Name.class);
        assertThat(made).isNotNull();
        assertThat(made.value()).isEqualTo("pk");
        assertThat(makes).as("only the one asked for").hasValue(1);
        assertThat(field.annotation(Name.class)).isSameAs(made);
        assertThat(field.annotation(Version.class)).isNull();
        assertThat(makes).hasValue(1);
        assertThat(field.annotations()).extracting(Annotation::annotationType)
                .containsExactly(PrimaryKey.class, Name.class);
        assertThat(makes).hasValue(2);
    }

    @Test
    void theFormWithMadeAnnotationsNamesThem() {
        Name made = name("n");
        GeneratedField field = new GeneratedField("id", GeneratedFieldTest.class, String.class, String.class,
                new Annotation[] {made}, false, o -> o, null);

        assertThat(field.annotationNames()).containsExactly(Name.class.getName());
        assertThat(field.annotation(Name.class)).isSameAs(made);
        assertThat(field.annotations()).containsExactly(made);
    }

    @Test
    void aMakerThatMakesNothingIsAClearError() {
        GeneratedField field = new GeneratedField("id", GeneratedFieldTest.class, String.class, String.class,
                new String[] {Name.class.getName()}, index -> null, false, o -> o, null);

        assertThatThrownBy(() -> field.annotation(Name.class)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("made annotation");
    }
}
