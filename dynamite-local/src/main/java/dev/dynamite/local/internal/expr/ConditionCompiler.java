package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.engine.DynamoException;
import dev.dynamite.local.internal.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns the syntax tree of a condition (a {@code ConditionExpression}, {@code FilterExpression} or
 * {@code KeyConditionExpression}) into a {@link Condition}, checking it as DynamoDB does. The problems DynamoDB
 * reports, most important first: an unknown or misplaced function, a function misused as an operand (or {@code size}
 * as a condition), a reserved word; then, from the first comparison or function that has any, an undefined
 * placeholder, a wrong number of operands, identical operands, or an operand of the wrong type.
 */
final class ConditionCompiler extends Resolver {
    static final int MAX_IN_OPERANDS = 100;
    private static final Map<String, Integer> FUNCTIONS = Map.of(
            "attribute_exists", 1, "attribute_not_exists", 1, "attribute_type", 2, "begins_with", 2, "contains", 2,
            "size", 1);
    static final Set<String> UPDATE_FUNCTIONS = Set.of("if_not_exists", "list_append");
    private static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M");

    private @Nullable String unknownFunction;
    private @Nullable String misusedFunction;
    private @Nullable String condition;
    private @Nullable String undefined;
    private @Nullable String operandCount;
    private @Nullable String distinct;
    private @Nullable String function;

    private ConditionCompiler(ExpressionContext ctx, String kind) {
        super(ctx, kind);
    }

    /**
     * Compiles a parsed condition.
     *
     * @param ast the syntax tree
     * @param ctx the request's placeholders
     * @param kind the request parameter, for messages
     * @return the condition
     * @throws DynamoException a {@code ValidationException} with DynamoDB's wording
     */
    static Condition compile(Ast.Cond ast, ExpressionContext ctx, String kind) {
        return compileTopLevel(ast, ctx, kind).condition;
    }

    /** Compiles a parsed condition, keeping the top-level attributes it reads. */
    static CompiledCondition compileTopLevel(Ast.Cond ast, ExpressionContext ctx, String kind) {
        ConditionCompiler compiler = new ConditionCompiler(ctx, kind);
        Condition condition = compiler.cond(ast);
        compiler.failWithFirst(compiler.unknownFunction, compiler.misusedFunction, compiler.reserved,
                compiler.condition);
        return new CompiledCondition(condition, compiler.heads);
    }

    @Override
    void undefinedName(String message) {
        if (undefined == null) {
            undefined = message;
        }
    }

    @Override
    void undefinedValue(String message) {
        undefinedName(message);
    }

    private Condition cond(Ast.Cond ast) {
        if (ast instanceof Ast.Group group) {
            return cond(group.inner());
        }
        if (ast instanceof Ast.And and) {
            return new Conds.And(cond(and.left()), cond(and.right()));
        }
        if (ast instanceof Ast.Or or) {
            return new Conds.Or(cond(or.left()), cond(or.right()));
        }
        if (ast instanceof Ast.Not not) {
            return new Conds.Not(cond(not.inner()));
        }
        Condition result;
        if (ast instanceof Ast.Compare compare) {
            Operand left = operand(compare.left());
            Operand right = operand(compare.right());
            misused(left, right);
            Conds.Op op = op(compare.op());
            distinct(op.symbol, left, right);
            if (op.ordering()) {
                orderable(op.symbol, left, right);
            }
            result = new Conds.Compare(op, left, right);
        } else if (ast instanceof Ast.Between between) {
            Operand operand = operand(between.operand());
            Operand low = operand(between.low());
            Operand high = operand(between.high());
            misused(operand, low, high);
            orderable("BETWEEN", operand, low, high);
            bounds(low, high);
            result = new Conds.Between(operand, low, high);
        } else if (ast instanceof Ast.In in) {
            Operand operand = operand(in.operand());
            Operand[] candidates = new Operand[in.candidates().size()];
            for (int i = 0; i < candidates.length; i++) {
                candidates[i] = operand(in.candidates().get(i));
            }
            misused(operand);
            misused(candidates);
            if (candidates.length > MAX_IN_OPERANDS && function == null) {
                function = "The IN operator is provided with too many operands; number of operands: "
                        + candidates.length;
            }
            result = new Conds.In(operand, candidates);
        } else {
            result = function(((Ast.FunctionCond) ast).call());
        }
        // the first comparison or function with a problem decides which of these is reported
        if (condition == null) {
            condition = undefined != null ? undefined : operandCount != null ? operandCount
                    : distinct != null ? distinct : function;
        }
        return result;
    }

    private static Conds.Op op(Token.Kind kind) {
        return switch (kind) {
            case EQ -> Conds.Op.EQ;
            case NE -> Conds.Op.NE;
            case LT -> Conds.Op.LT;
            case LE -> Conds.Op.LE;
            case GT -> Conds.Op.GT;
            default -> Conds.Op.GE;
        };
    }

    /** A function used as a condition. */
    private Condition function(Ast.Call call) {
        List<Operand> args = arguments(call);
        String name = call.name();
        boolean valid = checkFunction(name, args);
        if (name.equals("size") && misusedFunction == null) {
            misusedFunction = misuse(name);
        }
        if (!valid) {
            return Conds.NEVER;
        }
        return switch (name) {
            case "attribute_exists" -> new Conds.Exists(((Operand.PathRef) args.get(0)).path, true);
            case "attribute_not_exists" -> new Conds.Exists(((Operand.PathRef) args.get(0)).path, false);
            case "attribute_type" -> new Conds.AttributeType(args.get(0), typeName(args.get(1)));
            case "begins_with" -> new Conds.BeginsWith(args.get(0), args.get(1));
            case "contains" -> new Conds.Contains(args.get(0), args.get(1));
            default -> Conds.NEVER;
        };
    }

    private static String typeName(Operand operand) {
        return ((Value.S) ((Operand.Constant) operand).value).value();
    }

    private Operand operand(Ast.Operand ast) {
        if (ast instanceof Ast.Paren paren) {
            return operand(paren.inner());
        }
        if (ast instanceof Ast.PathOperand path) {
            return new Operand.PathRef(path(path));
        }
        if (ast instanceof Ast.ValueOperand value) {
            return new Operand.Constant(value(value.placeholder()));
        }
        if (ast instanceof Ast.Call call) {
            List<Operand> args = arguments(call);
            boolean valid = checkFunction(call.name(), args);
            if (call.name().equals("size")) {
                return valid ? new Operand.Size(args.get(0)) : new Operand.Constant(null);
            }
            return new Operand.Misused(call.name());
        }
        throw new IllegalStateException("arithmetic in a condition: " + ast);
    }

    private List<Operand> arguments(Ast.Call call) {
        List<Operand> args = new ArrayList<>(call.args().size());
        for (Ast.Operand arg : call.args()) {
            args.add(operand(arg));
        }
        misused(args.toArray(new Operand[0]));
        return args;
    }

    /** Checks a function call the way DynamoDB does, recording problems; true if there are none. */
    private boolean checkFunction(String name, List<Operand> args) {
        if (unknownFunction != null) {
            return false;
        }
        Integer arity = FUNCTIONS.get(name);
        if (arity == null) {
            unknownFunction = UPDATE_FUNCTIONS.contains(name)
                    ? "The function is not allowed in a condition expression; function: " + name
                    : "Invalid function name; function: " + name;
            return false;
        }
        if (operandCount != null) {
            return false;
        }
        if (arity != args.size()) {
            operandCount = "Incorrect number of operands for operator or function; operator or function: " + name
                    + ", number of operands: " + args.size();
            return false;
        }
        if (args.size() == 2) {
            distinct(name, args.get(0), args.get(1));
        }
        if (function != null) {
            return false;
        }
        switch (name) {
            case "attribute_exists", "attribute_not_exists" -> {
                if (!(args.get(0) instanceof Operand.PathRef)) {
                    function = "Operator or function requires a document path; operator or function: " + name;
                }
            }
            case "begins_with" -> {
                for (Operand arg : args) {
                    String type = arg.staticType();
                    if (type != null && !type.equals("S") && !type.equals("B")) {
                        function = incorrectOperandType(name, type);
                        break;
                    }
                }
            }
            case "attribute_type" -> {
                String type = args.get(1).staticType();
                if (!"S".equals(type)) {
                    function = incorrectOperandType(name, type == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : type);
                } else if (!TYPES.contains(typeName(args.get(1)))) {
                    function = "Invalid attribute type name found; type: " + typeName(args.get(1))
                            + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}";
                }
            }
            case "size" -> {
                String type = args.get(0).staticType();
                if ("N".equals(type) || "BOOL".equals(type) || "NULL".equals(type)) {
                    function = incorrectOperandType(name, type);
                }
            }
            default -> {
                // contains takes operands of any type
            }
        }
        return function == null && distinct == null && undefined == null;
    }

    private static String incorrectOperandType(String operator, String type) {
        return "Incorrect operand type for operator or function; operator or function: " + operator
                + ", operand type: " + type;
    }

    private static String misuse(String name) {
        return "The function is not allowed to be used this way in an expression; function: " + name;
    }

    /** Records a function other than {@code size} used as an operand. */
    private void misused(Operand... operands) {
        if (misusedFunction != null) {
            return;
        }
        for (Operand operand : operands) {
            if (operand instanceof Operand.Misused m) {
                misusedFunction = misuse(m.name);
                return;
            }
        }
    }

    /** Records two operands that are the same path. */
    private void distinct(String operator, Operand first, Operand second) {
        if (distinct == null && first instanceof Operand.PathRef a && second instanceof Operand.PathRef b
                && a.path.equals(b.path)) {
            distinct = "The first operand must be distinct from the remaining operands for this operator or function;"
                    + " operator: " + operator + ", first operand: " + a.path;
        }
    }

    /** Records a constant operand of an ordering comparison that has no order (not S, N or B). */
    private void orderable(String operator, Operand... operands) {
        if (function != null) {
            return;
        }
        for (Operand operand : operands) {
            if (operand instanceof Operand.Constant c && c.value != null && !Eval.isOrderable(c.value)) {
                function = incorrectOperandType(operator, c.value.type());
                return;
            }
        }
    }

    /** Records constant BETWEEN bounds of different types or in the wrong order. */
    private void bounds(Operand low, Operand high) {
        if (function != null || !(low instanceof Operand.Constant lc) || !(high instanceof Operand.Constant hc)
                || lc.value == null || hc.value == null) {
            return;
        }
        Value lo = lc.value;
        Value hi = hc.value;
        String operands = "; lower bound operand: " + attributeValue(lo) + ", upper bound operand: "
                + attributeValue(hi);
        if (!lo.type().equals(hi.type())) {
            function = "The BETWEEN operator requires same data type for lower and upper bounds" + operands;
        } else if (Eval.compare(lo, hi) > 0) {
            function = "The BETWEEN operator requires upper bound to be greater than or equal to lower bound"
                    + operands;
        }
    }
}
