package dev.dynamite.core.internal.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The write operations and their condition builder on hand-built model contexts: no client, no table. */
class WriteOpTest {
    private static final WriteModel PLAIN = new WriteModel(WriteOpTest.class, "t_notes", "id", null, null, null, null);
    private static final WriteModel MANAGED = new WriteModel(WriteOpTest.class, "t_docs", "id", "version",
            "createdAt", "updatedAt", "deletedAt");
    private static final Map<String, AttributeValue> KEY = Map.of("id", s("n1"));

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }

    /** The expression with its placeholders replaced by what they stand for, for readable assertions. */
    private static String resolved(String expression, WriteOp op) {
        String text = expression;
        if (op.names() != null) {
            for (Map.Entry<String, String> name : op.names().entrySet()) {
                text = text.replaceAll(name.getKey() + "(?![0-9])", name.getValue());
            }
        }
        if (op.values() != null) {
            for (Map.Entry<String, AttributeValue> value : op.values().entrySet()) {
                AttributeValue v = value.getValue();
                String shown = v.s() != null ? "'" + v.s() + "'" : v.n() != null ? v.n() : v.toString();
                text = text.replaceAll(value.getKey() + "(?![0-9])", shown);
            }
        }
        return text;
    }

    @Test
    void conditionsAreAndedClausesWithEveryNameAndValueAPlaceholder() {
        Expr expr = new Expr();
        Conditions conditions = new Conditions(expr).exists("id").equalTo("status) OR (true", s("x"))
                .clause("").clause(expr.name("n") + " > " + expr.value(n("1")));
        assertThat(conditions.expression()).isEqualTo("attribute_exists(#n0) AND #n1 = :v0 AND #n2 > :v1");
        assertThat(expr.names()).containsEntry("#n1", "status) OR (true");
        assertThat(expr.values()).containsEntry(":v0", s("x"));
        assertThat(new Conditions(new Expr()).clause("").expression()).isNull();
    }

    @Test
    void aCreateIsAPutOnTheKeyNotExistingAndCanBeNoBatchEntry() {
        Map<String, AttributeValue> item = Map.of("id", s("n1"), "title", s("Hi"));
        WriteOp op = WriteOp.put(PLAIN, KEY, item).mustNotExist().build();

        assertThat(op.kind()).isEqualTo(WriteOp.Kind.PUT);
        assertThat(resolved(op.condition(), op)).isEqualTo("attribute_not_exists(id)");
        assertThat(op.putRequest().item()).isEqualTo(item);
        assertThat(op.putRequest().returnValuesOnConditionCheckFailure())
                .isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD);
        TransactWriteItem action = op.transactItem(false);
        assertThat(action.put().conditionExpression()).isEqualTo(op.condition());
        assertThat(action.put().expressionAttributeNames()).isEqualTo(op.names());
        assertThat(action.put().returnValuesOnConditionCheckFailure()).isNull();
        assertThatThrownBy(op::batchEntry).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unconditional");
    }

    @Test
    void theCreationStepSetsEveryManagedAttributeOfThePut() {
        Map<String, AttributeValue> item = Map.of("id", s("n1"), "version", n("0"), "deletedAt", s("forged"));
        WriteOp op = WriteOp.put(MANAGED, KEY, item).mustNotExist().created(s("2026-12-06"), n("1765054800000"))
                .build();

        assertThat(op.item()).isEqualTo(Map.of("id", s("n1"), "version", n("1"), "createdAt", s("2026-12-06"),
                "updatedAt", n("1765054800000")));
        assertThat(WriteOp.put(PLAIN, KEY, item).created(s("x"), s("y")).build().item()).isEqualTo(item);
        assertThatThrownBy(() -> WriteOp.update(MANAGED, KEY).created(s("x"), s("y")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void unconditionalPutsAndDeletesAreBatchEntries() {
        Map<String, AttributeValue> row = Map.of("id", s("r1"), "a", s("x"));
        WriteRequest put = WriteOp.put(PLAIN, Map.of("id", s("r1")), row).build().batchEntry();
        WriteRequest delete = WriteOp.delete(PLAIN, KEY).build().batchEntry();

        assertThat(put.putRequest().item()).isEqualTo(row);
        assertThat(delete.deleteRequest().key()).isEqualTo(KEY);
        assertThatThrownBy(() -> WriteOp.update(PLAIN, KEY).set("a", s("x")).build().batchEntry())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUpdateCarriesItsChangesAndTheManagedStepsInOneRequest() {
        WriteOp op = WriteOp.update(MANAGED, KEY).set("title", s("New")).remove("note").mustExist()
                .stamp(s("2026-12-06T21:00:00.000Z")).version(3).build();

        assertThat(resolved(op.updateExpression(), op))
                .isEqualTo("SET title = 'New', updatedAt = '2026-12-06T21:00:00.000Z', version = 4 REMOVE note");
        assertThat(resolved(op.condition(), op)).isEqualTo("attribute_exists(id) AND version = 3");
    }

    @Test
    void theDirectRequestAndTheTransactionActionAreTheSameWrite() {
        WriteOp op = WriteOp.update(MANAGED, KEY).set("title", s("New")).mustExist().version(1).returnNew().build();
        UpdateItemRequest direct = op.updateRequest();
        Update action = op.transactItem(true).update();

        assertThat(action.updateExpression()).isEqualTo(direct.updateExpression());
        assertThat(action.conditionExpression()).isEqualTo(direct.conditionExpression());
        assertThat(action.expressionAttributeNames()).isEqualTo(direct.expressionAttributeNames());
        assertThat(action.expressionAttributeValues()).isEqualTo(direct.expressionAttributeValues());
        assertThat(action.key()).isEqualTo(direct.key()).isEqualTo(KEY);
        assertThat(action.tableName()).isEqualTo(direct.tableName()).isEqualTo("t_docs");
        assertThat(direct.returnValues()).isEqualTo(ReturnValue.UPDATED_NEW);
        assertThat(action.returnValuesOnConditionCheckFailure()).isEqualTo(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    }

    @Test
    void managedStepsDoNothingOnAModelWithoutThoseFields() {
        WriteOp op = WriteOp.update(PLAIN, KEY).set("title", s("New")).mustExist().stamp(s("now")).version(7)
                .notTrashed().build();

        assertThat(resolved(op.updateExpression(), op)).isEqualTo("SET title = 'New'");
        assertThat(resolved(op.condition(), op)).isEqualTo("attribute_exists(id)");
        assertThatThrownBy(() -> WriteOp.update(PLAIN, KEY).softDelete(s("now")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("@DeleteAt");
        assertThatThrownBy(() -> WriteOp.update(PLAIN, KEY).restore()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void softDeleteAndRestoreAreStepsOnTheDeleteAtAttribute() {
        WriteOp delete = WriteOp.update(MANAGED, KEY).mustExist().softDelete(s("2026-12-06")).version(2).build();
        WriteOp restore = WriteOp.update(MANAGED, KEY).mustExist().restore().build();

        assertThat(resolved(delete.updateExpression(), delete)).isEqualTo("SET deletedAt = '2026-12-06', version = 3");
        assertThat(resolved(restore.updateExpression(), restore)).isEqualTo("REMOVE deletedAt");
    }

    @Test
    void aGuardedBulkWriteHoldsTheSoftDeleteStateAndTheFilters() {
        WriteOp.Builder write = WriteOp.update(MANAGED, KEY).set("status", s("shipped")).mustExist().notTrashed();
        Expr expr = write.expr();
        write.conditions().clause(expr.name("status") + " = " + expr.value(s("pending")));
        WriteOp op = write.build();

        assertThat(resolved(op.condition(), op))
                .isEqualTo("attribute_exists(id) AND attribute_not_exists(deletedAt) AND status = 'pending'");
        assertThat(op.names()).doesNotContainValue("pending");
    }

    @Test
    void aDeleteChecksTheVersionWithoutWritingOne() {
        WriteOp op = WriteOp.delete(MANAGED, KEY).mustExist().version(5).build();

        assertThat(op.updateExpression()).isNull();
        assertThat(resolved(op.condition(), op)).isEqualTo("attribute_exists(id) AND version = 5");
        assertThat(op.deleteRequest().conditionExpression()).isEqualTo(op.condition());
    }

    @Test
    void aCounterAddsAndMovesTheVersionWithAdd() {
        WriteOp op = WriteOp.update(MANAGED, KEY).mustExist().add("views", n("2")).bumpVersion().expectVersion(4)
                .returnNew().build();

        assertThat(resolved(op.updateExpression(), op)).isEqualTo("ADD views 2, version 1");
        assertThat(resolved(op.condition(), op)).isEqualTo("attribute_exists(id) AND version = 4");
    }

    @Test
    void anUpdateThatChangesNothingIsRefused() {
        assertThatThrownBy(() -> WriteOp.update(PLAIN, KEY).mustExist().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("changes nothing");
        assertThatThrownBy(() -> WriteOp.put(PLAIN, KEY, Map.of()).remove("a"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void eachWriteRecognisesExactlyItsOwnEffect() {
        Map<String, AttributeValue> item = Map.of("id", s("n1"), "title", s("Hi"));
        WriteOp put = WriteOp.put(PLAIN, KEY, item).mustNotExist().build();
        assertThat(put.recognizes(item)).isTrue();
        assertThat(put.recognizes(Map.of("id", s("n1"), "title", s("Other")))).isFalse();
        assertThat(put.recognizes(null)).isFalse();

        WriteOp delete = WriteOp.delete(PLAIN, KEY).mustExist().build();
        assertThat(delete.recognizes(null)).isTrue();
        assertThat(delete.recognizes(item)).isFalse();

        WriteOp update = WriteOp.update(MANAGED, KEY).set("title", s("New")).remove("note").version(1).build();
        assertThat(update.recognizes(Map.of("id", s("n1"), "title", s("New"), "version", n("2")))).isTrue();
        assertThat(update.recognizes(Map.of("id", s("n1"), "title", s("New"), "version", n("3")))).isFalse();
        assertThat(update.recognizes(Map.of("id", s("n1"), "title", s("New"), "version", n("2"), "note", s("x"))))
                .isFalse();

        WriteOp counter = WriteOp.update(MANAGED, KEY).add("views", n("1")).set("title", s("New")).build();
        assertThat(counter.recognizes(Map.of("id", s("n1"), "title", s("New"), "views", n("1")))).isFalse();

        // an instance counter conditioned on the version it read knows the sums it leaves
        WriteOp known = WriteOp.update(MANAGED, KEY).add("views", n("2"), n("5")).bumpVersionFrom(3).build();
        assertThat(known.recognizes(Map.of("id", s("n1"), "views", n("7"), "version", n("4")))).isTrue();
        assertThat(known.recognizes(Map.of("id", s("n1"), "views", n("7.0"), "version", n("4")))).isTrue();
        assertThat(known.recognizes(Map.of("id", s("n1"), "views", n("9"), "version", n("4"))))
                .as("another writer added too").isFalse();
        assertThat(known.recognizes(Map.of("id", s("n1"), "views", n("7"), "version", n("5")))).isFalse();
        assertThat(known.recognizes(Map.of("id", s("n1"), "version", n("4")))).isFalse();
        assertThat(known.condition()).contains("#n");
        WriteOp fromNothing = WriteOp.update(MANAGED, KEY).add("views", n("2"), null).bumpVersionFrom(1).build();
        assertThat(fromNothing.recognizes(Map.of("id", s("n1"), "views", n("2"), "version", n("2")))).isTrue();
    }

    @Test
    void applyToGivesTheItemAsTheUpdateLeavesIt() {
        WriteOp op = WriteOp.update(MANAGED, KEY).set("title", s("New")).remove("note").add("views", n("1"))
                .version(1).build();
        Map<String, AttributeValue> before = new HashMap<>(Map.of("id", s("n1"), "title", s("Old"),
                "note", s("x"), "views", n("5"), "version", n("1")));

        assertThat(op.applyTo(before)).isEqualTo(Map.of("id", s("n1"), "title", s("New"), "views", n("5"),
                "version", n("2")));
        assertThat(before).containsEntry("title", s("Old"));
    }
}
