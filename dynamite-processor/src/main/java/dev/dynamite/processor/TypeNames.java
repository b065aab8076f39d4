package dev.dynamite.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Types;

/** Types written as source: qualified names, no type-use annotations (which {@code toString()} would keep). */
final class TypeNames {
    private final Types types;

    TypeNames(Types types) {
        this.types = types;
    }

    /** The type as declared, with its type arguments; a primitive as its keyword. */
    String source(TypeMirror type) {
        return switch (type.getKind()) {
            case DECLARED -> {
                DeclaredType declared = (DeclaredType) type;
                String name = ((TypeElement) declared.asElement()).getQualifiedName().toString();
                if (declared.getTypeArguments().isEmpty()) {
                    yield name;
                }
                List<String> arguments = new ArrayList<>();
                declared.getTypeArguments().forEach(a -> arguments.add(source(a)));
                yield name + "<" + String.join(", ", arguments) + ">";
            }
            case ARRAY -> source(((ArrayType) type).getComponentType()) + "[]";
            case WILDCARD -> {
                WildcardType wildcard = (WildcardType) type;
                if (wildcard.getExtendsBound() != null) {
                    yield "? extends " + source(wildcard.getExtendsBound());
                }
                yield wildcard.getSuperBound() != null ? "? super " + source(wildcard.getSuperBound()) : "?";
            }
            default -> type.getKind().isPrimitive() ? keyword(type) : "java.lang.Object";
        };
    }

    /** As {@link #source}, a primitive boxed: the type of a generic argument or of an {@code Object} cast. */
    String boxed(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return types.boxedClass((PrimitiveType) type).getQualifiedName().toString();
        }
        return source(type);
    }

    /** The erased type, for a class literal. */
    String erasure(TypeMirror type) {
        if (type.getKind().isPrimitive()) {
            return keyword(type);
        }
        if (type.getKind() == TypeKind.ARRAY) {
            return erasure(((ArrayType) type).getComponentType()) + "[]";
        }
        if (type.getKind() == TypeKind.DECLARED) {
            return ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
        }
        return "java.lang.Object";
    }

    private static String keyword(TypeMirror primitive) {
        return primitive.getKind().name().toLowerCase(Locale.ROOT);
    }
}
