package dev.dynamite.core.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

/** Hooks run in source order, which reflection does not promise; the class file gives it. */
class DeclarationOrderTest {
    @SuppressWarnings("unused")
    static final class Declared {
        long counter = 3L;                 // constant pool with a long (two entries)
        double ratio = 2.5;

        void zulu() {
        }

        void alpha(String s, long l) {
        }

        private void mike() {
        }

        void alpha() {
        }

        static void bravo() {
        }
    }

    @Test
    void returnsMethodsInSourceOrder() {
        assertThat(DeclarationOrder.methods(Declared.class)).extracting(Method::getName)
                .containsExactly("zulu", "alpha", "mike", "alpha", "bravo");
        assertThat(DeclarationOrder.methods(Declared.class).get(1).getParameterCount()).isEqualTo(2);
    }
}
