package dev.dynamite.processor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reading annotations by name, model hierarchies and type names from the compiler's element model. */
final class Mirrors {
    private static final String TABLE = "dev.dynamite.Table";

    private final Elements elements;
    private final Types types;

    Mirrors(ProcessingEnvironment env) {
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
    }

    /** The model and its superclasses, the topmost first; {@code Table} and {@code Object} are not models. */
    Deque<TypeElement> hierarchy(TypeElement type) {
        Deque<TypeElement> classes = new ArrayDeque<>();
        for (TypeElement c = type; c != null; ) {
            String name = c.getQualifiedName().toString();
            if (name.equals("java.lang.Object") || name.equals(TABLE) || name.equals("java.lang.Record")) {
                break;
            }
            classes.addFirst(c);
            TypeMirror superclass = c.getSuperclass();
            c = superclass.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(superclass) : null;
        }
        return classes;
    }

    static boolean has(Element element, String annotation) {
        return mirror(element, annotation) != null;
    }

    static AnnotationMirror mirror(Element element, String annotation) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation)) {
                return mirror;
            }
        }
        return null;
    }

    Object value(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue().getValue();
            }
        }
        return null;
    }

    String string(AnnotationMirror mirror, String name) {
        if (mirror == null) {
            return "";
        }
        Object value = value(mirror, name);
        return value == null ? "" : value.toString();
    }

    /** The type's name as {@code Class.getTypeName()} spells it: qualified, no type arguments. */
    String typeName(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return typeName(((ArrayType) type).getComponentType()) + "[]";
        }
        if (type.getKind() == TypeKind.DECLARED) {
            return elements.getBinaryName((TypeElement) ((DeclaredType) type).asElement()).toString();
        }
        return types.erasure(type).toString();
    }

    /** The type's name as {@code Class.getSimpleName()} spells it. */
    String simpleName(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return simpleName(((ArrayType) type).getComponentType()) + "[]";
        }
        if (type.getKind() == TypeKind.DECLARED) {
            return ((DeclaredType) type).asElement().getSimpleName().toString();
        }
        return types.erasure(type).toString();
    }

    /** A primitive type's box; any other type as it is. */
    TypeMirror boxed(TypeMirror type) {
        return type.getKind().isPrimitive() ? types.boxedClass((javax.lang.model.type.PrimitiveType) type).asType()
                : type;
    }
}
