package dev.dynamite.core.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynamite.core.internal.Owner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

    private static EntityState stateOf(String id) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("id", AttributeValue.fromS(id));
        item.put("tags", AttributeValue.fromL(List.of(AttributeValue.fromN("1"), AttributeValue.fromBool(true))));
        return new EntityState(Owner.global(), item, Set.of("notes"));
    }

    @Test
    void equalInstancesHaveTheirOwnStateAndAClearedStateIsGone() {
        IdentityStates states = new IdentityStates();
        AllEqual first = new AllEqual();
        AllEqual second = new AllEqual();
        EntityState one = stateOf("one");
        EntityState two = stateOf("two");

        states.put(one, first);
        assertThat(states.get(first)).isEqualTo(one);
        assertThat(states.get(second)).isNull();
        states.put(two, second);
        assertThat(states.get(first)).isEqualTo(one);
        assertThat(states.get(second)).isEqualTo(two);
        assertThat(states.size()).isEqualTo(2);

        states.put(null, first);
        assertThat(states.get(first)).isNull();
        assertThat(states.get(second)).isEqualTo(two);
        assertThat(states.size()).isEqualTo(1);
    }

    @Test
    void aStateComesBackEqualInItsOrderAndUnmodifiable() {
        IdentityStates states = new IdentityStates();
        Object entity = new Object();
        EntityState state = stateOf("x");

        states.put(state, entity);
        EntityState back = states.get(entity);

        assertThat(back).isEqualTo(state);
        assertThat(back.owner()).isSameAs(Owner.global());
        assertThat(back.stored().keySet()).containsExactly("id", "tags");
        assertThat(back.unloaded()).containsExactly("notes");
        assertThat(back.stored()).isUnmodifiable();
        assertThat(states.owner(entity)).isSameAs(Owner.global());
        assertThat(states.owner(new Object())).isNull();
    }

    @Test
    void oneStateForSeveralEntitiesAndSharedFromOneToAnother() {
        IdentityStates states = new IdentityStates();
        Object draft = new Object();
        Object shown = new Object();
        Object record = new Object();
        EntityState state = stateOf("y");

        states.put(state, draft, shown, null);
        assertThat(states.get(draft)).isEqualTo(state);
        assertThat(states.get(shown)).isEqualTo(state);
        assertThat(states.size()).isEqualTo(2);

        states.share(draft, record);
        assertThat(states.get(record)).isEqualTo(state);
        states.share(new Object(), record);
        assertThat(states.get(record)).isNull();
        assertThat(states.size()).isEqualTo(2);
    }
}
