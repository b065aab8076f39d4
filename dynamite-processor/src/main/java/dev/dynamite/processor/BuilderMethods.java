package dev.dynamite.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * The builder of an immutable class without an all-fields constructor, found as the run time finds it: a static
 * no-arg {@code builder()} on the class; on its result, for every field, a one-argument method named as the field,
 * {@code set} or {@code with} and the field's name; and a no-arg {@code build()} that returns the class.
 *
 * @param builder the static {@code builder()} method
 * @param type the builder class
 * @param setters one setter per field, in field order
 * @param build the {@code build()} method
 */
record BuilderMethods(ExecutableElement builder, TypeElement type, List<ExecutableElement> setters,
                      ExecutableElement build) {

    /** Returns the builder of a class, or null if it has none that takes every field. */
    static BuilderMethods find(TypeElement model, List<VariableElement> fields, Types types) {
        ExecutableElement builder = null;
        for (ExecutableElement method : ElementFilter.methodsIn(model.getEnclosedElements())) {
            if (method.getSimpleName().contentEquals("builder") && method.getParameters().isEmpty()
                    && method.getModifiers().contains(Modifier.STATIC)
                    && method.getReturnType().getKind() == TypeKind.DECLARED) {
                builder = method;
            }
        }
        if (builder == null) {
            return null;
        }
        TypeElement type = (TypeElement) types.asElement(builder.getReturnType());
        List<ExecutableElement> setters = new ArrayList<>();
        for (VariableElement field : fields) {
            String name = field.getSimpleName().toString();
            String capitalized = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
            ExecutableElement setter = null;
            for (String candidate : List.of(name, "set" + capitalized, "with" + capitalized)) {
                setter = setter != null ? setter : method(type, candidate, field.asType(), types);
            }
            if (setter == null) {
                return null;
            }
            setters.add(setter);
        }
        ExecutableElement build = method(type, "build", null, types);
        if (build == null || !types.isAssignable(types.erasure(build.getReturnType()), types.erasure(model.asType()))) {
            return null;
        }
        return new BuilderMethods(builder, type, List.copyOf(setters), build);
    }

    /** An instance method of a type or its superclasses, with no parameter or one that takes {@code argument}. */
    private static ExecutableElement method(TypeElement type, String name, TypeMirror argument, Types types) {
        for (TypeElement c = type; c != null; ) {
            for (ExecutableElement method : ElementFilter.methodsIn(c.getEnclosedElements())) {
                if (!method.getSimpleName().contentEquals(name) || method.getModifiers().contains(Modifier.STATIC)) {
                    continue;
                }
                List<? extends VariableElement> parameters = method.getParameters();
                if (argument == null ? parameters.isEmpty() : parameters.size() == 1 && takes(parameters.get(0),
                        argument, types)) {
                    return method;
                }
            }
            TypeMirror superclass = c.getSuperclass();
            c = superclass.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(superclass) : null;
        }
        return null;
    }

    /** Whether a parameter takes a field's value: the same primitive type, or a type its erasure is assignable to. */
    private static boolean takes(VariableElement parameter, TypeMirror field, Types types) {
        TypeMirror type = parameter.asType();
        return field.getKind().isPrimitive() ? types.isSameType(field, type)
                : types.isAssignable(types.erasure(field), types.erasure(type));
    }
}
