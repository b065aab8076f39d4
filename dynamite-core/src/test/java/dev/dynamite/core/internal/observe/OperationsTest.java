package dev.dynamite.core.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.api.OperationEvent;
import dev.dynamite.spi.OperationListener;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The scope of operations: one event per outermost operation, carried to other threads, and its outcome. */
class OperationsTest {
    private final List<OperationEvent> events = new ArrayList<>();
    private final OperationListener recording = start -> events::add;

    @Test
    void noListenerMeansTheBodyRunsBareAndNothingIsInScope() {
        assertThat(Operations.NONE.active()).isFalse();
        String result = Operations.NONE.run(String.class, "find", "t", () -> {
            assertThat(Operations.current()).isNull();
            return "done";
        });
        assertThat(result).isEqualTo("done");
    }

    @Test
    void anOperationInsideAnotherIsPartOfIt() {
        Operations operations = Operations.of(List.of(recording), null);

        operations.run(String.class, "save", "t", () -> operations.run(Integer.class, "create", "u", () -> "inner"));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.start().operation()).isEqualTo("save");
            assertThat(e.start().model()).isEqualTo(String.class);
            assertThat(e.plan()).isEqualTo("none");
            assertThat(e.requests()).isZero();
            assertThat(e.outcome()).isEqualTo(OperationEvent.Outcome.SUCCESS);
        });
        assertThat(Operations.current()).isNull();
    }

    @Test
    void anOperationThatThrowsEndsInErrorAndRethrows() {
        Operations operations = Operations.of(List.of(recording), null);
        IllegalStateException failure = new IllegalStateException("boom");

        assertThatThrownBy(() -> operations.run(String.class, "find", "t", () -> {
            throw failure;
        })).isSameAs(failure);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(OperationEvent.Outcome.ERROR);
            assertThat(e.error()).isSameAs(failure);
        });
        assertThat(Operations.current()).isNull();
    }

    @Test
    void aCarriedTaskRunsInTheScopeOfItsCallerOnAnotherThread() throws Exception {
        Operations operations = Operations.of(List.of(recording), null);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            AtomicReference<Operations.Scope> seen = new AtomicReference<>();
            AtomicReference<Operations.Scope> caller = new AtomicReference<>();
            operations.run(String.class, "bulkUpdate", "t", () -> {
                caller.set(Operations.current());
                try {
                    pool.submit(Operations.carry(() -> seen.set(Operations.current()))).get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(seen.get()).isNotNull().isSameAs(caller.get());
            assertThat(pool.submit(Operations::current).get()).as("the worker's scope is put back").isNull();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aListenerThatThrowsDoesNotKeepTheOthersFromTheOperation() {
        Operations operations = Operations.of(List.of(start -> {
            throw new IllegalStateException("listener bug");
        }, recording), null);

        assertThat(operations.run(String.class, "find", "t", () -> 42)).isEqualTo(42);

        assertThat(events).hasSize(1);
    }

}
