package dev.dynamite.core.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.core.internal.Owner;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The state of entities that do not extend the base class: by identity, never by {@code equals}. */
class IdentityStatesTest {
    /** Equal to every other instance: the worst case for a table keyed by equals. */
    private static final class AllEqual {
        @Override
        public boolean equals(Object other) {
            return other instanceof AllEqual;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    @Test
    void equalInstancesHaveTheirOwnStateAndAClearedStateIsGone() {
        IdentityStates states = new IdentityStates();
        AllEqual first = new AllEqual();
        AllEqual second = new AllEqual();
        EntityState one = new EntityState(Owner.global(), Map.of());
        EntityState two = new EntityState(Owner.global(), Map.of());

        states.put(first, one);
        assertThat(states.get(first)).isSameAs(one);
        assertThat(states.get(second)).isNull();
        states.put(second, two);
        assertThat(states.get(first)).isSameAs(one);
        assertThat(states.get(second)).isSameAs(two);
        assertThat(states.size()).isEqualTo(2);

        states.put(first, null);
        assertThat(states.get(first)).isNull();
        assertThat(states.get(second)).isSameAs(two);
        assertThat(states.size()).isEqualTo(1);
    }
}
