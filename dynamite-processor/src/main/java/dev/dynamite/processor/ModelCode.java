package dev.dynamite.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The generated description of one model ({@code dev.dynamite.meta.GeneratedModel}), as a nested class of its
 * metamodel: fields with their Dynamite annotations re-created as code, getters and setters that touch the fields
 * (or call a record's accessors and canonical constructor) directly, hook invokers, and the constructors of the
 * plugin classes the annotations name. Written only when all of it can be reached from the model's package without
 * reflection; otherwise {@link #reason} says why and the run time reads the model by reflection.
 */
final class ModelCode {
    private static final String META = "dev.dynamite.meta.";
    private static final String ANNOTATIONS = "dev.dynamite.annotation";
    /** The annotation elements that name plugin classes Dynamite instantiates. */
    private static final Map<String, String> PLUGINS = Map.of(ANNOTATIONS + ".Default", "generator",
            ANNOTATIONS + ".Validate", "value", ANNOTATIONS + ".Get", "value", ANNOTATIONS + ".Set", "value",
            ANNOTATIONS + ".Mutate", "value", ANNOTATIONS + ".Codec", "value");

    private final Elements elements;
    private final Types types;
    private final TypeNames names;
    private final Mirrors mirrors;
    private final TypeElement model;
    private final ModelReader.Model read;
    private final PackageElement pkg;
    private final boolean record;
    /** A record or an immutable class: made from all its fields at once. */
    private final boolean value;
    private final String modelName;
    private final Set<String> plugins = new LinkedHashSet<>();
    /** The builder that makes an immutable class without an all-fields constructor; null otherwise. */
    private final BuilderMethods builder;
    private final String reason;

    ModelCode(ProcessingEnvironment env, TypeElement model, ModelReader.Model read) {
        this.elements = env.getElementUtils();
        this.types = env.getTypeUtils();
        this.names = new TypeNames(types);
        this.mirrors = new Mirrors(env);
        this.model = model;
        this.read = read;
        this.pkg = elements.getPackageOf(model);
        this.record = model.getKind() == ElementKind.RECORD;
        this.value = record || read.immutable();
        this.modelName = model.getQualifiedName().toString();
        this.builder = value && !record && ModelReader.allFieldsConstructor(model, read.members(), types) == null
                ? BuilderMethods.find(model, read.members(), types) : null;
        this.reason = check();
    }

    /** Why no description is written (the run time reflects), or null when it is. */
    String reason() {
        return reason;
    }

    private String check() {
        if (!model.getTypeParameters().isEmpty()) {
            return "it is generic";
        }
        for (VariableElement field : read.members()) {
            if (!reachable(field)) {
                return "field " + field.getSimpleName() + " is private or out of reach of package "
                        + pkg.getQualifiedName();
            }
            if (!plain(field.asType())) {
                return "field " + field.getSimpleName() + " has a wildcard, a type variable or a generic array"
                        + " in its type";
            }
        }
        for (ExecutableElement hook : read.hooks()) {
            if (!reachable(hook)) {
                return "hook " + hook.getSimpleName() + "() is private or out of reach of package "
                        + pkg.getQualifiedName();
            }
        }
        if (!value) {
            boolean constructor = false;
            for (ExecutableElement c : ElementFilter.constructorsIn(model.getEnclosedElements())) {
                constructor |= c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE);
            }
            if (!constructor) {
                return "it has no no-arg constructor it can call";
            }
        } else if (builder != null) {
            if (!visible(builder.type()) || !reachable(builder.builder()) || !reachable(builder.build())
                    || !builder.setters().stream().allMatch(this::reachable)) {
                return "its builder or one of the builder's methods is private or out of reach of package "
                        + pkg.getQualifiedName();
            }
            if (!builder.type().getTypeParameters().isEmpty()) {
                return "its builder is generic";
            }
        } else if (!record) {
            ExecutableElement constructor = ModelReader.allFieldsConstructor(model, read.members(), types);
            if (constructor == null || constructor.getModifiers().contains(Modifier.PRIVATE)) {
                return "its all-fields constructor is private";
            }
        }
        for (VariableElement field : read.members()) {
            for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
                String named = PLUGINS.get(((TypeElement) mirror.getAnnotationType().asElement())
                        .getQualifiedName().toString());
                if (named == null) {
                    continue;
                }
                for (TypeMirror plugin : classes(mirror, named)) {
                    TypeElement type = (TypeElement) types.asElement(plugin);
                    String name = type.getQualifiedName().toString();
                    if (name.equals(ANNOTATIONS + ".Default.None")) {
                        continue;
                    }
                    if (!instantiable(type)) {
                        return "its annotations name " + name + ", which it cannot instantiate";
                    }
                    plugins.add(name);
                }
            }
        }
        return null;
    }

    /** The classes an annotation element names: one, or an array of them. */
    private List<TypeMirror> classes(AnnotationMirror mirror, String name) {
        List<TypeMirror> found = new ArrayList<>();
        Object value = mirrors.value(mirror, name);
        if (value instanceof TypeMirror type) {
            found.add(type);
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (((AnnotationValue) item).getValue() instanceof TypeMirror type) {
                    found.add(type);
                }
            }
        }
        return found;
    }

    /** Whether generated code in the model's package can touch a member. */
    private boolean reachable(Element member) {
        Set<Modifier> modifiers = member.getModifiers();
        if (record && member.getKind() == ElementKind.FIELD) {
            // a record's component field is read through its accessor, which is public
            return true;
        }
        TypeElement declaring = (TypeElement) member.getEnclosingElement();
        return modifiers.contains(Modifier.PUBLIC) && visible(declaring) || elements.getPackageOf(declaring)
                .equals(pkg) && !modifiers.contains(Modifier.PRIVATE);
    }

    private boolean visible(TypeElement type) {
        for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
            if (t.getModifiers().contains(Modifier.PRIVATE) || !t.getModifiers().contains(Modifier.PUBLIC)
                    && !elements.getPackageOf(t).equals(pkg)) {
                return false;
            }
        }
        return true;
    }

    private boolean instantiable(TypeElement type) {
        if (type.getModifiers().contains(Modifier.ABSTRACT) || type.getKind() != ElementKind.CLASS
                || !visible(type) || !type.getTypeParameters().isEmpty()) {
            return false;
        }
        if (type.getNestingKind().isNested() && !type.getModifiers().contains(Modifier.STATIC)) {
            return false;
        }
        for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (c.getParameters().isEmpty() && (c.getModifiers().contains(Modifier.PUBLIC)
                    || elements.getPackageOf(type).equals(pkg) && !c.getModifiers().contains(Modifier.PRIVATE))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a type is written without wildcards, type variables or generic arrays. */
    private boolean plain(TypeMirror type) {
        return switch (type.getKind()) {
            case DECLARED -> ((DeclaredType) type).getTypeArguments().stream().allMatch(this::plain);
            case ARRAY -> {
                TypeMirror component = ((ArrayType) type).getComponentType();
                yield component.getKind().isPrimitive() || component.getKind() == TypeKind.DECLARED
                        && ((DeclaredType) component).getTypeArguments().isEmpty() && plain(component);
            }
            default -> type.getKind().isPrimitive();
        };
    }

    // ---------------------------------------------------------------- source

    /**
     * The nested class {@code Model}, which registers itself when it is initialized: Dynamite loads it by name, without
     * initializing the metamodel's constants and their classes.
     */
    String source() {
        StringBuilder out = new StringBuilder();
        out.append("    /** The generated description of {@link ").append(modelName).append("}. */\n");
        out.append("    private static final class Model implements ").append(META).append("GeneratedModel<")
                .append(modelName).append("> {\n");
        out.append("        private static final java.util.List<").append(META)
                .append("GeneratedField> FIELDS = describeFields();\n");
        out.append("        private static final java.util.List<").append(META)
                .append("GeneratedHook> HOOKS = describeHooks();\n\n");
        out.append("        static {\n            ").append(META).append("GeneratedModels.register(new Model());\n")
                .append("        }\n\n");
        out.append("        @Override\n        public Class<").append(modelName).append("> type() {\n")
                .append("            return ").append(modelName).append(".class;\n        }\n\n");
        out.append("        @Override\n        public java.lang.annotation.Annotation[] annotations() {\n")
                .append("            return ").append(annotations(model, "            ")).append(";\n        }\n\n");
        out.append("        @Override\n        public java.util.List<").append(META)
                .append("GeneratedField> fields() {\n            return FIELDS;\n")
                .append("        }\n\n");
        out.append("        @Override\n        public java.util.List<").append(META)
                .append("GeneratedHook> hooks() {\n            return HOOKS;\n")
                .append("        }\n\n");
        out.append("        @Override\n        public boolean immutable() {\n            return ").append(value)
                .append(";\n        }\n\n");
        out.append("        @Override\n        public ").append(modelName).append(" newInstance() {\n");
        if (value) {
            out.append("            throw new UnsupportedOperationException(\"").append(modelName)
                    .append(" is immutable: construct it\");\n");
        } else {
            out.append("            return new ").append(modelName).append("();\n");
        }
        out.append("        }\n\n");
        out.append("        @Override\n        @SuppressWarnings(\"unchecked\")\n        public ").append(modelName)
                .append(" construct(Object[] components) {\n");
        if (builder != null) {
            // a setter that returns the builder's own type hands on the builder it returns, as at run time
            out.append("            var builder = ").append(modelName).append(".builder();\n");
            for (int i = 0; i < read.members().size(); i++) {
                ExecutableElement setter = builder.setters().get(i);
                boolean chained = types.isSameType(setter.getReturnType(), builder.builder().getReturnType());
                out.append("            ").append(chained ? "builder = " : "").append("builder.")
                        .append(setter.getSimpleName()).append("(")
                        .append(cast(read.members().get(i).asType(), "components[" + i + "]")).append(");\n");
            }
            out.append("            return builder.build();\n");
        } else if (value) {
            List<String> arguments = new ArrayList<>();
            for (int i = 0; i < read.members().size(); i++) {
                arguments.add(cast(read.members().get(i).asType(), "components[" + i + "]"));
            }
            out.append("            return new ").append(modelName).append("(").append(String.join(", ", arguments))
                    .append(");\n");
        } else {
            out.append("            throw new UnsupportedOperationException(\"").append(modelName)
                    .append(" is neither a record nor immutable\");\n");
        }
        out.append("        }\n\n");
        out.append("        @Override\n        public Object instantiate(Class<?> type) {\n");
        for (String plugin : plugins) {
            out.append("            if (type == ").append(plugin).append(".class) {\n                return new ")
                    .append(plugin).append("();\n            }\n");
        }
        out.append("            throw new IllegalArgumentException(\"no annotation of ").append(modelName)
                .append(" names \" + type.getName());\n        }\n\n");
        out.append(describeFields());
        out.append(describeHooks());
        out.append("    }\n");
        return out.toString();
    }

    private String describeFields() {
        StringBuilder out = new StringBuilder();
        out.append("        @SuppressWarnings(\"unchecked\")\n        private static java.util.List<").append(META)
                .append("GeneratedField> describeFields() {\n            return java.util.List.of(");
        List<String> fields = new ArrayList<>();
        StringBuilder gets = new StringBuilder();
        StringBuilder sets = new StringBuilder();
        StringBuilder makes = new StringBuilder();
        for (int i = 0; i < read.members().size(); i++) {
            VariableElement field = read.members().get(i);
            String name = field.getSimpleName().toString();
            TypeMirror type = field.asType();
            String declaring = ((TypeElement) field.getEnclosingElement()).getQualifiedName().toString();
            boolean settable = !value && !field.getModifiers().contains(Modifier.FINAL);
            fields.add("new " + META + "GeneratedField(\"" + name + "\", " + declaring + ".class, "
                    + names.erasure(type) + ".class,\n                    " + generic(type) + ",\n                    "
                    + annotationNames(field) + ", new Access(" + i + "),\n                    "
                    + field.getModifiers().contains(Modifier.FINAL) + ", new Access(" + i + "), "
                    + (settable ? "new Access(" + i + ")" : "null") + ")");
            List<String> made = dynamiteAnnotations(field, "                            ");
            if (!made.isEmpty()) {
                makes.append("                    case ").append(i).append(":\n")
                        .append("                        switch (annotation) {\n");
                for (int a = 0; a < made.size(); a++) {
                    makes.append("                            case ").append(a).append(": return ").append(made.get(a))
                            .append(";\n");
                }
                makes.append("                            default: break;\n                        }\n")
                        .append("                        break;\n");
            }
            gets.append("                    case ").append(i).append(": return ((").append(modelName).append(") o).")
                    .append(name).append(record ? "()" : "").append(";\n");
            if (settable) {
                sets.append("                    case ").append(i).append(": ((").append(modelName).append(") o).")
                        .append(name).append(" = ").append(cast(type, "v")).append("; return;\n");
            }
        }
        out.append(fields.isEmpty() ? "" : "\n                ")
                .append(String.join(",\n                ", fields)).append(");\n        }\n\n");
        // one class reads and writes every field by its index, and makes its annotations: no class is spun per field
        // when the model loads, and an annotation's class is loaded only when Dynamite reads its values
        out.append("        /** Reads and writes the field of an index, and makes its annotations. */\n");
        out.append("        private static final class Access implements java.util.function.Function<Object, Object>,")
                .append(" java.util.function.BiConsumer<Object, Object>, ").append(META)
                .append("GeneratedField.AnnotationMaker {\n");
        out.append("            private final int index;\n\n            Access(int index) {\n")
                .append("                this.index = index;\n            }\n\n");
        out.append("            @Override\n            public Object apply(Object o) {\n")
                .append("                switch (index) {\n").append(gets)
                .append("                    default: throw new IllegalStateException(\"no field \" + index);\n")
                .append("                }\n            }\n\n");
        out.append("            @Override\n            @SuppressWarnings(\"unchecked\")\n")
                .append("            public void accept(Object o, Object v) {\n")
                .append("                switch (index) {\n").append(sets)
                .append("                    default: throw new IllegalStateException(\"field \" + index")
                .append(" + \" is not assignable\");\n                }\n            }\n\n");
        out.append("            @Override\n            public java.lang.annotation.Annotation make(int annotation) {\n")
                .append("                switch (index) {\n").append(makes)
                .append("                    default: break;\n                }\n")
                .append("                throw new IllegalStateException(\"field \" + index + \" has no annotation \"")
                .append(" + annotation);\n            }\n        }\n\n");
        return out.toString();
    }

    private String describeHooks() {
        StringBuilder out = new StringBuilder();
        out.append("        @SuppressWarnings(\"unchecked\")\n        private static java.util.List<").append(META)
                .append("GeneratedHook> describeHooks() {\n            return java.util.List.of(");
        List<String> hooks = new ArrayList<>();
        StringBuilder calls = new StringBuilder();
        for (int i = 0; i < read.hooks().size(); i++) {
            ExecutableElement hook = read.hooks().get(i);
            String name = hook.getSimpleName().toString();
            String declaring = ((TypeElement) hook.getEnclosingElement()).getQualifiedName().toString();
            List<String> parameters = new ArrayList<>();
            hook.getParameters().forEach(p -> parameters.add(names.erasure(p.asType()) + ".class"));
            // an update hook's one parameter takes a Map<String, Object> (the reader checked)
            String call = "((" + modelName + ") o)." + name + "(" + (parameters.isEmpty() ? "" : "c") + ")";
            hooks.add("new " + META + "GeneratedHook(\"" + name + "\", " + declaring + ".class,\n                    "
                    + annotations(hook, "                    ") + ",\n                    new Class<?>[] {"
                    + String.join(", ", parameters) + "}, new Call(" + i + "))");
            calls.append("                    case ").append(i).append(": ").append(call).append("; return;\n");
        }
        out.append(hooks.isEmpty() ? "" : "\n                ")
                .append(String.join(",\n                ", hooks)).append(");\n        }\n\n");
        out.append("        /** Calls the hook of an index. */\n");
        out.append("        private static final class Call implements java.util.function.BiConsumer<Object,")
                .append(" java.util.Map<String, Object>> {\n");
        out.append("            private final int index;\n\n            Call(int index) {\n")
                .append("                this.index = index;\n            }\n\n");
        out.append("            @Override\n            public void accept(Object o, java.util.Map<String, Object> c) {\n")
                .append("                switch (index) {\n").append(calls)
                .append("                    default: throw new IllegalStateException(\"no hook \" + index);\n")
                .append("                }\n            }\n        }\n");
        return out.toString();
    }

    /** The element's Dynamite annotations, each re-created as code (others are of no use to the run time). */
    private List<String> dynamiteAnnotations(Element element, String indent) {
        List<String> made = new ArrayList<>();
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (elements.getPackageOf(type).getQualifiedName().contentEquals(ANNOTATIONS)) {
                made.add(annotation(mirror, indent));
            }
        }
        return made;
    }

    /** The class names of the element's Dynamite annotations, in the order {@link #dynamiteAnnotations} makes them. */
    private String annotationNames(Element element) {
        List<String> quoted = new ArrayList<>();
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (elements.getPackageOf(type).getQualifiedName().contentEquals(ANNOTATIONS)) {
                quoted.add(elements.getConstantExpression(elements.getBinaryName(type).toString()));
            }
        }
        return "new String[] {" + String.join(", ", quoted) + "}";
    }

    /** The element's Dynamite annotations re-created as code, as an array expression. */
    private String annotations(Element element, String indent) {
        List<String> made = dynamiteAnnotations(element, indent + "    ");
        if (made.isEmpty()) {
            return "new java.lang.annotation.Annotation[0]";
        }
        return "new java.lang.annotation.Annotation[] {\n" + indent + "    " + String.join(",\n" + indent + "    ", made)
                + "}";
    }

    /** One annotation as an instance of an anonymous class implementing its interface. */
    private String annotation(AnnotationMirror mirror, String indent) {
        String type = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
        StringBuilder out = new StringBuilder("new ").append(type).append("() {\n");
        out.append(indent).append("    @Override public Class<? extends java.lang.annotation.Annotation>")
                .append(" annotationType() { return ").append(type).append(".class; }\n");
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            ExecutableElement method = entry.getKey();
            TypeMirror returned = method.getReturnType();
            boolean generic = returned.getKind() == TypeKind.ARRAY && ((ArrayType) returned).getComponentType()
                    .getKind() == TypeKind.DECLARED && !((DeclaredType) ((ArrayType) returned).getComponentType())
                    .getTypeArguments().isEmpty();
            out.append(indent).append("    ").append(generic ? "@SuppressWarnings(\"unchecked\") " : "")
                    .append("@Override public ").append(names.source(returned)).append(' ')
                    .append(method.getSimpleName()).append("() { return ")
                    .append(value(entry.getValue(), returned, indent + "    ")).append("; }\n");
        }
        return out.append(indent).append('}').toString();
    }

    private String value(AnnotationValue value, TypeMirror type, String indent) {
        Object v = value.getValue();
        if (v instanceof String text) {
            return elements.getConstantExpression(text);
        }
        if (v instanceof TypeMirror mirror) {
            return names.erasure(mirror) + ".class";
        }
        if (v instanceof VariableElement constant) {
            return ((TypeElement) constant.getEnclosingElement()).getQualifiedName() + "." + constant.getSimpleName();
        }
        if (v instanceof AnnotationMirror nested) {
            return annotation(nested, indent);
        }
        if (v instanceof List<?> list) {
            TypeMirror component = ((ArrayType) type).getComponentType();
            List<String> items = new ArrayList<>();
            for (Object item : list) {
                items.add(value((AnnotationValue) item, component, indent));
            }
            boolean generic = component.getKind() == TypeKind.DECLARED
                    && !((DeclaredType) component).getTypeArguments().isEmpty();
            String array = "new " + (generic ? names.erasure(component) + "<?>" : names.source(component)) + "[] {"
                    + String.join(", ", items) + "}";
            return generic ? "(" + names.source(type) + ") " + array : array;
        }
        return elements.getConstantExpression(v);
    }

    /** The field's declared type as a {@code java.lang.reflect.Type} expression, built without reflection. */
    private String generic(TypeMirror type) {
        if (type.getKind() == TypeKind.DECLARED && !((DeclaredType) type).getTypeArguments().isEmpty()) {
            List<String> arguments = new ArrayList<>();
            ((DeclaredType) type).getTypeArguments().forEach(a -> arguments.add(generic(a)));
            return META + "GeneratedTypes.parameterized(" + names.erasure(type) + ".class, " + String.join(", ", arguments)
                    + ")";
        }
        return names.erasure(type) + ".class";
    }

    // ---------------------------------------------------------------- type names

    /** An Object expression cast to a type; none for Object itself (javac warns of a redundant cast). */
    private String cast(TypeMirror type, String expression) {
        String target = names.boxed(type);
        return target.equals("java.lang.Object") ? expression : "(" + target + ") " + expression;
    }
}
