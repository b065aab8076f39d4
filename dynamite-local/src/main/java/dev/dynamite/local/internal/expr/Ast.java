package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.expr.Token.Kind;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The syntax tree the parser builds, before placeholders are resolved and the expression is checked: the parser only
 * knows the grammar, so it can try alternatives freely without side effects.
 */
final class Ast {
    private Ast() {
    }

    /**
     * One element of a document path: a name ({@code a} or {@code #a}) or a list index.
     *
     * @param name the identifier or {@code #placeholder}, null for an index
     * @param index the list index, for an index element
     */
    record Element(@Nullable String name, int index) {
        boolean isPlaceholder() {
            return name != null && name.charAt(0) == '#';
        }
    }

    /** An operand: a path, a {@code :value}, a function call, a parenthesized operand or (in SET) arithmetic. */
    sealed interface Operand permits PathOperand, ValueOperand, Call, Paren, Arithmetic {
    }

    /** @param elements the path, starting with a name */
    record PathOperand(List<Element> elements) implements Operand {
    }

    /** @param placeholder the {@code :value} placeholder */
    record ValueOperand(String placeholder) implements Operand {
    }

    /** @param name the function name, as written @param args the arguments, at least one */
    record Call(String name, List<Operand> args) implements Operand {
    }

    /** @param inner the operand inside the parentheses */
    record Paren(Operand inner) implements Operand {
    }

    /** @param left the left operand @param plus true for {@code +}, false for {@code -} @param right the right operand */
    record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {
    }

    /** A condition. */
    sealed interface Cond permits Compare, Between, In, FunctionCond, Not, And, Or, Group {
    }

    /** @param op a comparator token kind @param left the left operand @param right the right operand */
    record Compare(Kind op, Operand left, Operand right) implements Cond {
    }

    /** @param operand the tested operand @param low the lower bound @param high the upper bound */
    record Between(Operand operand, Operand low, Operand high) implements Cond {
    }

    /** @param operand the tested operand @param candidates the list, at least one */
    record In(Operand operand, List<Operand> candidates) implements Cond {
    }

    /** @param call a function used as a condition */
    record FunctionCond(Call call) implements Cond {
    }

    /** @param inner the negated condition */
    record Not(Cond inner) implements Cond {
    }

    /** @param left the left condition @param right the right condition */
    record And(Cond left, Cond right) implements Cond {
    }

    /** @param left the left condition @param right the right condition */
    record Or(Cond left, Cond right) implements Cond {
    }

    /** @param inner the condition inside the parentheses */
    record Group(Cond inner) implements Cond {
    }

    /** @param kind SET, REMOVE, ADD or DELETE @param actions the actions, at least one */
    record Section(Kind kind, List<Action> actions) {
    }

    /** An update action. */
    sealed interface Action permits SetAction, RemoveAction, AddAction, DeleteAction {
        PathOperand path();
    }

    /** @param path the updated path @param value the new value */
    record SetAction(PathOperand path, Operand value) implements Action {
    }

    /** @param path the removed path */
    record RemoveAction(PathOperand path) implements Action {
    }

    /** @param path the updated path @param placeholder the {@code :value} added */
    record AddAction(PathOperand path, String placeholder) implements Action {
    }

    /** @param path the updated path @param placeholder the {@code :value} deleted from the set */
    record DeleteAction(PathOperand path, String placeholder) implements Action {
    }
}
