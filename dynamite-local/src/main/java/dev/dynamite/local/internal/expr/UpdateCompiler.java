package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.engine.DynamoException;
import dev.dynamite.local.internal.value.Value;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the syntax tree of an {@code UpdateExpression} into an {@link Update}, checking it as DynamoDB does. The
 * problems DynamoDB reports, most important first: a reserved word, an unknown or misplaced function, a function
 * nested where it may not be, a section used twice, an undefined name, an undefined value, overlapping paths,
 * conflicting paths, an ADD or DELETE operand of the wrong type, a function given the wrong operands.
 */
final class UpdateCompiler extends Resolver {
    private static final Set<String> CONDITION_FUNCTIONS = Set.of(
            "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size");
    private static final Map<String, String> TYPE_NAMES = Map.of(
            "S", "STRING", "N", "NUMBER", "B", "BINARY", "BOOL", "BOOLEAN", "NULL", "NULL", "L", "LIST", "M", "MAP");

    private @Nullable String unknownFunction;
    private @Nullable String misusedFunction;
    private @Nullable String section;
    private @Nullable String undefinedName;
    private @Nullable String undefinedValue;
    private @Nullable String operand;
    private @Nullable String function;
    private final PathChecks paths = new PathChecks();

    private UpdateCompiler(ExpressionContext ctx) {
        super(ctx, "UpdateExpression");
    }

    /**
     * Compiles a parsed update expression.
     *
     * @param sections the syntax tree
     * @param ctx the request's placeholders
     * @return the update
     * @throws DynamoException a {@code ValidationException} with DynamoDB's wording
     */
    static Update compile(List<Ast.Section> sections, ExpressionContext ctx) {
        UpdateCompiler compiler = new UpdateCompiler(ctx);
        List<Update.Action> actions = new ArrayList<>();
        Set<Token.Kind> seen = EnumSet.noneOf(Token.Kind.class);
        for (Ast.Section s : sections) {
            for (Ast.Action action : s.actions()) {
                actions.add(compiler.action(action));
            }
            if (!seen.add(s.kind()) && compiler.section == null) {
                compiler.section = "The \"" + s.kind().name() + "\" section can only be used once in an update"
                        + " expression;";
            }
        }
        compiler.failWithFirst(compiler.reserved, compiler.unknownFunction, compiler.misusedFunction,
                compiler.section, compiler.undefinedName, compiler.undefinedValue, compiler.paths.overlap,
                compiler.paths.conflict, compiler.operand, compiler.function);
        return new Update(actions.toArray(new Update.Action[0]));
    }

    @Override
    void undefinedName(String message) {
        if (undefinedName == null) {
            undefinedName = message;
        }
    }

    @Override
    void undefinedValue(String message) {
        if (undefinedValue == null) {
            undefinedValue = message;
        }
    }

    private Update.Action action(Ast.Action action) {
        Path path = path(action.path());
        if (action instanceof Ast.SetAction set) {
            Operand value = operand(set.value(), false);
            paths.add(path);
            return new Update.Action(Update.Kind.SET, path, value, null);
        }
        if (action instanceof Ast.RemoveAction) {
            paths.add(path);
            return new Update.Action(Update.Kind.REMOVE, path, null, null);
        }
        boolean add = action instanceof Ast.AddAction;
        String placeholder = add ? ((Ast.AddAction) action).placeholder() : ((Ast.DeleteAction) action).placeholder();
        Value value = value(placeholder);
        paths.add(path);
        if (value != null && operand == null) {
            String type = value.type();
            boolean set = type.equals("SS") || type.equals("NS") || type.equals("BS");
            if (!set && !(add && type.equals("N"))) {
                operand = "Incorrect operand type for operator or function; operator: " + (add ? "ADD" : "DELETE")
                        + ", operand type: " + TYPE_NAMES.get(type) + ", typeSet: ALLOWED_FOR_ADD_OPERAND";
            }
        }
        return new Update.Action(add ? Update.Kind.ADD : Update.Kind.DELETE, path, null, value);
    }

    /**
     * Compiles a SET value or one of its parts.
     *
     * @param nested whether it is an operand of a function or of arithmetic (where only if_not_exists may be)
     */
    private Operand operand(Ast.Operand ast, boolean nested) {
        if (ast instanceof Ast.Paren paren) {
            return operand(paren.inner(), nested);
        }
        if (ast instanceof Ast.PathOperand path) {
            return new Operand.PathRef(path(path));
        }
        if (ast instanceof Ast.ValueOperand value) {
            return new Operand.Constant(value(value.placeholder()));
        }
        if (ast instanceof Ast.Arithmetic arithmetic) {
            Operand left = operand(arithmetic.left(), true);
            Operand right = operand(arithmetic.right(), true);
            operandTypes(arithmetic.plus() ? "+" : "-", "N", left, right);
            return new Operand.Arithmetic(left, arithmetic.plus(), right);
        }
        Ast.Call call = (Ast.Call) ast;
        String name = call.name();
        List<Operand> args = new ArrayList<>(call.args().size());
        for (Ast.Operand arg : call.args()) {
            args.add(operand(arg, true));
        }
        if (!ConditionCompiler.UPDATE_FUNCTIONS.contains(name)) {
            if (unknownFunction == null) {
                unknownFunction = CONDITION_FUNCTIONS.contains(name)
                        ? "The function is not allowed in an update expression; function: " + name
                        : "Invalid function name; function: " + name;
            }
            return new Operand.Constant(null);
        }
        if (nested && !name.equals("if_not_exists") && misusedFunction == null) {
            misusedFunction = "The function is not allowed to be used this way in an expression; function: " + name;
        }
        if (args.size() != 2) {
            if (function == null) {
                function = "Incorrect number of operands for operator or function; operator or function: " + name
                        + ", number of operands: " + args.size();
            }
            return new Operand.Constant(null);
        }
        if (name.equals("if_not_exists")) {
            if (!(args.get(0) instanceof Operand.PathRef) && function == null) {
                function = "Operator or function requires a document path; operator or function: if_not_exists";
            }
            return new Operand.IfNotExists(args.get(0), args.get(1));
        }
        operandTypes(name, "L", args.get(0), args.get(1));
        return new Operand.ListAppend(args.get(0), args.get(1));
    }

    /** Records a constant operand of arithmetic or list_append of the wrong type. */
    private void operandTypes(String operator, String type, Operand... operands) {
        if (function != null) {
            return;
        }
        for (Operand o : operands) {
            if (o instanceof Operand.Constant c && c.value != null && !c.value.type().equals(type)) {
                function = "Incorrect operand type for operator or function; operator or function: " + operator
                        + ", operand type: " + c.value.type();
                return;
            }
        }
    }
}
