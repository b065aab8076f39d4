package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.engine.DynamoException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parses DynamoDB's expressions once into compiled forms that evaluate fast against any number of items. Every
 * method resolves placeholders through the request's {@link ExpressionContext} and throws a
 * {@code ValidationException} with DynamoDB's wording for anything DynamoDB rejects before reading an item.
 */
public final class Expressions {
    private Expressions() {
    }

    /**
     * Parses a condition or filter expression.
     *
     * @param text the expression
     * @param ctx the request's placeholders
     * @param kind {@code ConditionExpression} or {@code FilterExpression}, as messages name it
     * @return the condition
     * @throws DynamoException a {@code ValidationException}, e.g. {@code Invalid ConditionExpression: Syntax error;
     *     token: "=", near: "a = = :v"}
     */
    public static CompiledCondition condition(String text, ExpressionContext ctx, String kind) {
        notEmpty(text, kind);
        return ConditionCompiler.compileTopLevel(Parser.condition(text, kind), ctx, kind);
    }

    /**
     * Parses an update expression.
     *
     * @param text the expression
     * @param ctx the request's placeholders
     * @return the update
     * @throws DynamoException a {@code ValidationException}, e.g. {@code Invalid UpdateExpression: Two document paths
     *     overlap with each other; …}
     */
    public static Update update(String text, ExpressionContext ctx) {
        notEmpty(text, "UpdateExpression");
        return UpdateCompiler.compile(Parser.update(text), ctx);
    }

    /**
     * Parses a projection expression.
     *
     * @param text the expression
     * @param ctx the request's placeholders
     * @return the projection
     * @throws DynamoException a {@code ValidationException}, e.g. {@code Invalid ProjectionExpression: Attribute name
     *     is a reserved keyword; reserved keyword: name}
     */
    public static Projection projection(String text, ExpressionContext ctx) {
        notEmpty(text, "ProjectionExpression");
        List<Ast.PathOperand> parsed = Parser.projection(text);
        ProjectionCompiler compiler = new ProjectionCompiler(ctx);
        List<Path> paths = new ArrayList<>(parsed.size());
        for (Ast.PathOperand path : parsed) {
            paths.add(compiler.path(path));
        }
        for (Path path : paths) {
            compiler.checks.add(path);
        }
        compiler.failWithFirst(compiler.reserved, compiler.undefined, compiler.checks.overlap,
                compiler.checks.conflict);
        return new Projection(paths);
    }

    /**
     * Parses a key condition expression.
     *
     * @param text the expression
     * @param ctx the request's placeholders
     * @return the key condition
     * @throws DynamoException a {@code ValidationException}, e.g. {@code Invalid operator used in
     *     KeyConditionExpression: OR}
     */
    public static KeyCondition keyCondition(String text, ExpressionContext ctx) {
        String kind = "KeyConditionExpression";
        notEmpty(text, kind);
        return KeyCondition.of(ConditionCompiler.compile(Parser.condition(text, kind), ctx, kind));
    }

    private static void notEmpty(String text, String kind) {
        if (text.isBlank()) {
            throw DynamoException.validation("Invalid " + kind + ": The expression can not be empty;");
        }
    }

    /** Resolves the paths of a projection: reserved words, then undefined names, then overlaps and conflicts. */
    private static final class ProjectionCompiler extends Resolver {
        final PathChecks checks = new PathChecks();
        @Nullable String undefined;

        ProjectionCompiler(ExpressionContext ctx) {
            super(ctx, "ProjectionExpression");
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
    }
}
