package dev.dynamite.local.internal.expr;

import dev.dynamite.local.internal.engine.DynamoException;
import dev.dynamite.local.internal.value.Value;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the compilers of all expression kinds share: resolving placeholders and checking attribute names. Like
 * DynamoDB, a compiler records the first problem of each category and, once the whole expression is walked, reports
 * the one whose category comes first, so the message does not depend on where in the text each problem is.
 */
abstract class Resolver {
    final ExpressionContext ctx;
    final String kind;
    /** The top-level attribute of every path resolved, in the order met. */
    final Set<String> heads = new LinkedHashSet<>();
    @Nullable String reserved;

    Resolver(ExpressionContext ctx, String kind) {
        this.ctx = ctx;
        this.kind = kind;
    }

    /** Records a {@code #name} with no definition. */
    abstract void undefinedName(String message);

    /** Records a {@code :value} with no definition. */
    abstract void undefinedValue(String message);

    /** Resolves a path's placeholders, checking its plain names against the reserved words. */
    final Path path(Ast.PathOperand operand) {
        List<Ast.Element> elements = operand.elements();
        int n = elements.size();
        String[] names = new String[n];
        int[] indexes = new int[n];
        for (int i = 0; i < n; i++) {
            Ast.Element e = elements.get(i);
            String name = e.name();
            if (name == null) {
                indexes[i] = e.index();
                continue;
            }
            indexes[i] = -1;
            if (e.isPlaceholder()) {
                String resolved = ctx.name(name);
                if (resolved == null) {
                    undefinedName(ExpressionContext.undefinedName(name));
                    resolved = name;
                }
                names[i] = resolved;
            } else {
                if (reserved == null && ReservedWords.contains(name)) {
                    reserved = "Attribute name is a reserved keyword; reserved keyword: " + name;
                }
                names[i] = name;
            }
        }
        heads.add(names[0]);
        return new Path(names, indexes);
    }

    /** Resolves a {@code :value}; null if undefined (and recorded). */
    final @Nullable Value value(String placeholder) {
        Value value = ctx.value(placeholder);
        if (value == null) {
            undefinedValue(ExpressionContext.undefinedValue(placeholder));
        }
        return value;
    }

    /** Throws the first of the messages, in category order, prefixed with the expression kind. */
    final void failWithFirst(@Nullable String... messages) {
        for (String message : messages) {
            if (message != null) {
                throw DynamoException.validation("Invalid " + kind + ": " + message);
            }
        }
    }

    /** DynamoDB's rendering of a constant in messages, e.g. {@code {N:5}}. */
    static String attributeValue(Value v) {
        String text;
        if (v instanceof Value.S s) {
            text = s.value();
        } else if (v instanceof Value.N n) {
            text = n.text();
        } else if (v instanceof Value.B b) {
            text = b.value().toBase64();
        } else {
            text = v.toString();
        }
        return "AttributeValue: {" + v.type() + ":" + text + "}";
    }
}
