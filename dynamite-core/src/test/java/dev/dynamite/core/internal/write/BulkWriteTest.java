package dev.dynamite.core.internal.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dynamite.api.PartialWriteException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

/** The bulk writer's bookkeeping, with writes that are plain functions: no client. */
class BulkWriteTest {
    private static final BulkWrite<Integer> WRITER = new BulkWrite<>(BulkWriteTest.class, "items", "update",
            i -> Map.of("id", AttributeValue.fromN(Integer.toString(i))));

    private static List<Integer> items(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static Map<String, AttributeValue> key(int i) {
        return Map.of("id", AttributeValue.fromN(Integer.toString(i)));
    }

    @Test
    void countsWrittenItemsAndNotSkippedOnes() {
        assertThat(WRITER.run(items(10), 1, (i, receipt) -> i % 3 != 0)).isEqualTo(6);
        assertThat(WRITER.run(items(10), 4, (i, receipt) -> i % 3 != 0)).isEqualTo(6);
        assertThat(WRITER.run(List.of(), 4, (i, receipt) -> true)).isZero();
    }

    @Test
    void sequentialFailureReportsEveryItemsOutcome() {
        ProvisionedThroughputExceededException throttled = ProvisionedThroughputExceededException.builder()
                .message("throttled").statusCode(400).build();
        assertThatThrownBy(() -> WRITER.run(items(10), 1, (i, receipt) -> {
            if (i == 4) {
                throw throttled;
            }
            return i != 1;   // item 1 no longer matched: skipped, in no list
        })).isInstanceOfSatisfying(PartialWriteException.class, e -> {
            assertThat(e.written()).containsExactly(key(0), key(2), key(3));
            assertThat(e.notWritten()).containsExactly(key(4), key(5), key(6), key(7), key(8), key(9));
            assertThat(e.inDoubt()).isEmpty();
            assertThat(e.getCause()).isSameAs(throttled);
            assertThat(e.model()).isEqualTo(BulkWriteTest.class);
            assertThat(e).hasMessageContaining("BulkWriteTest.update on items failed part-way: 3 item(s) written");
        });
    }

    @Test
    void aServerErrorOrALostConnectionLeavesTheItemInDoubt() {
        DynamoDbException serverError = (DynamoDbException) DynamoDbException.builder().statusCode(500)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError").build()).build();
        assertThatThrownBy(() -> WRITER.run(items(3), 1, (i, receipt) -> {
            if (i == 1) {
                throw serverError;
            }
            return true;
        })).isInstanceOfSatisfying(PartialWriteException.class, e -> {
            assertThat(e.inDoubt()).containsExactly(key(1));
            assertThat(e.notWritten()).containsExactly(key(2));
        });
        assertThat(Outcomes.inDoubt(SdkClientException.create("connection reset"))).isTrue();
        assertThat(Outcomes.inDoubt(new IllegalArgumentException("refused before sending"))).isFalse();
        // throttled on its last attempt, but an earlier one may have been applied and its response lost
        assertThat(Outcomes.inDoubt(ProvisionedThroughputExceededException.builder().statusCode(400).numAttempts(2)
                .build())).isTrue();
        assertThat(Outcomes.inDoubt(ProvisionedThroughputExceededException.builder().statusCode(400).numAttempts(1)
                .build())).isFalse();
    }

    @Test
    void aFailureAfterTheWriteWasConfirmedCountsTheItemAsWritten() {
        assertThatThrownBy(() -> WRITER.run(items(2), 1, (i, receipt) -> {
            receipt.confirm();
            if (i == 0) {
                throw new IllegalStateException("an after-hook failed");
            }
            return true;
        })).isInstanceOfSatisfying(PartialWriteException.class, e -> {
            assertThat(e.written()).containsExactly(key(0));
            assertThat(e.notWritten()).containsExactly(key(1));
        });
    }

    @Test
    void concurrentWritesStayWithinTheBoundAndAreAllAccountedFor() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Set<Integer> attempted = ConcurrentHashMap.newKeySet();
        assertThatThrownBy(() -> WRITER.run(items(500), 6, (i, receipt) -> {
            int now = inFlight.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(1);
                attempted.add(i);
                if (i == 200) {
                    throw new IllegalStateException("boom");
                }
                return true;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                inFlight.decrementAndGet();
            }
        })).isInstanceOfSatisfying(PartialWriteException.class, e -> {
            Set<Map<String, AttributeValue>> all = new HashSet<>(e.written());
            all.addAll(e.notWritten());
            assertThat(all).hasSize(500);
            assertThat(Collections.disjoint(e.written(), e.notWritten())).isTrue();
            assertThat(e.written()).hasSize(attempted.size() - 1).doesNotContain(key(200));
            assertThat(e.notWritten()).contains(key(200));
        });
        assertThat(most.get()).isBetween(2, 6);
    }
}
