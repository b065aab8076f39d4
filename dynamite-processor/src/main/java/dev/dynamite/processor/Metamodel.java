package dev.dynamite.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The source of one model's metamodel: a final class named after the model with a trailing underscore (the names of
 * enclosing classes joined by underscores for a nested model: {@code Shop_Order_} for {@code Shop.Order}), in the
 * model's package, holding one typed attribute constant per persisted field.
 */
final class Metamodel {
    private static final String META = "dev.dynamite.meta.";
    private static final Set<String> NUMBERS = Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Short",
            "java.lang.Byte", "java.lang.Double", "java.lang.Float", "java.math.BigDecimal", "java.math.BigInteger");
    /** Types stored so that DynamoDB orders them as Java does: range tests are offered on them. */
    private static final Set<String> ORDERED = Set.of("java.time.Instant", "java.time.LocalDate",
            "java.time.LocalDateTime");

    private final Types types;
    private final TypeNames names;
    private final TypeMirror collection;
    private final TypeElement model;
    private final ModelReader.Model read;
    private final String packageName;
    private final String simpleName;

    Metamodel(ProcessingEnvironment env, TypeElement model, ModelReader.Model read) {
        this.types = env.getTypeUtils();
        this.names = new TypeNames(types);
        this.collection = env.getElementUtils().getTypeElement("java.util.Collection").asType();
        this.model = model;
        this.read = read;
        PackageElement pkg = env.getElementUtils().getPackageOf(model);
        this.packageName = pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
        List<String> names = new ArrayList<>();
        for (Element e = model; e instanceof TypeElement type; e = e.getEnclosingElement()) {
            names.add(0, type.getSimpleName().toString());
        }
        this.simpleName = String.join("_", names) + "_";
    }

    String qualifiedName() {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }

    /** The metamodel's source; {@code body} (the generated description, or empty) comes after the constants. */
    String source(String body) {
        String modelName = model.getQualifiedName().toString();
        boolean visible = isPublic(model);
        StringBuilder out = new StringBuilder();
        if (!packageName.isEmpty()) {
            out.append("package ").append(packageName).append(";\n\n");
        }
        out.append("/**\n * The typed metamodel of {@link ").append(modelName).append("}: one constant per persisted")
                .append(" field,\n * for typed filters and updates. Written by Dynamite's annotation processor;")
                .append(" do not edit.\n */\n");
        out.append(visible ? "public " : "").append("final class ").append(simpleName).append(" {\n");
        for (ModelReader.Attribute attribute : read.attributes()) {
            out.append("    /** The field {@code ").append(attribute.name()).append("}, stored as {@code ")
                    .append(attribute.attributeName().replace("*/", "*&#47;")).append("}. */\n");
            out.append("    ").append(visible ? "public " : "").append("static final ")
                    .append(declaration(modelName, attribute)).append(";\n\n");
        }
        out.append(body).append(body.isEmpty() ? "" : "\n");
        out.append("    private ").append(simpleName).append("() {\n    }\n}\n");
        return out.toString();
    }

    /** The constant's type, name and initializer. */
    private String declaration(String modelName, ModelReader.Attribute attribute) {
        TypeMirror type = attribute.type();
        String boxed = names.boxed(type);
        String erased = names.erasure(type);
        String name = attribute.name();
        String literal = modelName + ".class, \"" + name + "\"";
        if (erased.equals("java.lang.String")) {
            return META + "StringAttribute<" + modelName + "> " + name + " = new " + META + "StringAttribute<>("
                    + literal + ")";
        }
        String kind;
        String arguments;
        if (NUMBERS.contains(boxed)) {
            kind = "NumberAttribute";
            arguments = modelName + ", " + boxed;
        } else if (ORDERED.contains(boxed)) {
            kind = "ComparableAttribute";
            arguments = modelName + ", " + boxed;
        } else if (element(type) != null && isCollection(type)
                && ((DeclaredType) type).getTypeArguments().size() == 1) {
            kind = "CollectionAttribute";
            arguments = modelName + ", " + names.boxed(((DeclaredType) type).getTypeArguments().get(0)) + ", " + boxed;
        } else {
            kind = "Attribute";
            arguments = modelName + ", " + boxed;
        }
        return META + kind + "<" + arguments + "> " + name + " = new " + META + kind + "<>(" + literal + ", "
                + erased + ".class)";
    }

    private boolean isCollection(TypeMirror type) {
        return types.isAssignable(types.erasure(type), types.erasure(collection));
    }

    private static TypeElement element(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) type).asElement() : null;
    }
    /** The type's erasure as source, for a class literal. */
    private static boolean isPublic(TypeElement type) {
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (!t.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }
}
