package dev.dynamite.processor;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Finds the models of a compilation (the classes and records with a field or component annotated {@code @PrimaryKey}
 * or {@code @Index}), reports their mistakes as compile errors and writes a metamodel for each one that has none.
 *
 * <p>Options: {@code -Adynamite.keyTypeStrategy=name} names the key type strategy the application configures; the
 * key types of a strategy Dynamite does not bundle are not checked at compile time. {@code
 * -Adynamite.packages=com.example.model,com.example.billing} limits the processor to the models in those packages
 * (and their subpackages); by default it handles every model it is given.
 */
public final class ModelProcessor extends AbstractProcessor {
    static final String PRIMARY_KEY = "dev.dynamite.annotation.PrimaryKey";
    static final String INDEX = "dev.dynamite.annotation.Index";
    static final String KEY_STRATEGY_OPTION = "dynamite.keyTypeStrategy";
    static final String PACKAGES_OPTION = "dynamite.packages";

    /** Creates the processor; javac does. */
    public ModelProcessor() {
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        // all of Dynamite's annotations are claimed, so that javac's -Xlint:processing finds none unclaimed
        return Set.of("dev.dynamite.annotation.*");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(KEY_STRATEGY_OPTION, PACKAGES_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Set<TypeElement> models = new LinkedHashSet<>();
        for (TypeElement annotation : annotations) {
            String name = annotation.getQualifiedName().toString();
            if (!name.equals(PRIMARY_KEY) && !name.equals(INDEX)) {
                continue;
            }
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element.getKind() == ElementKind.FIELD
                        && element.getEnclosingElement() instanceof TypeElement model) {
                    models.add(model);
                }
            }
        }
        String strategy = processingEnv.getOptions().getOrDefault(KEY_STRATEGY_OPTION, "string");
        String packages = processingEnv.getOptions().get(PACKAGES_OPTION);
        for (TypeElement model : models) {
            if (packages != null && !within(model, packages)) {
                continue;
            }
            ModelReader.Model read = new ModelReader(processingEnv, strategy).read(model);
            if (read != null) {
                write(model, read);
            }
        }
        return true;
    }

    private void write(TypeElement model, ModelReader.Model read) {
        if (model.getModifiers().contains(Modifier.PRIVATE) || !enclosersVisible(model)) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, "Dynamite writes no metamodel for "
                    + model.getQualifiedName() + ": a private class cannot be named outside its enclosing class",
                    model);
            return;
        }
        Metamodel metamodel = new Metamodel(processingEnv, model, read);
        ModelCode code = new ModelCode(processingEnv, model, read);
        if (code.reason() != null) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE, "Dynamite reads " + model.getQualifiedName()
                    + " by reflection at run time (its package must be opened to dev.dynamite.core): "
                    + code.reason(), model);
        }
        try {
            JavaFileObject file = processingEnv.getFiler().createSourceFile(metamodel.qualifiedName(), model);
            try (Writer writer = file.openWriter()) {
                writer.write(metamodel.source(code.reason() == null ? code.source() : ""));
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "Dynamite could not write the metamodel "
                    + metamodel.qualifiedName() + ": " + e.getMessage(), model);
        }
    }

    private boolean within(TypeElement model, String packages) {
        String pkg = processingEnv.getElementUtils().getPackageOf(model).getQualifiedName().toString();
        for (String prefix : packages.split(",")) {
            String p = prefix.trim();
            if (!p.isEmpty() && (pkg.equals(p) || pkg.startsWith(p + "."))) {
                return true;
            }
        }
        return false;
    }

    private static boolean enclosersVisible(TypeElement model) {
        for (Element e = model.getEnclosingElement(); e instanceof TypeElement type; e = e.getEnclosingElement()) {
            if (type.getModifiers().contains(Modifier.PRIVATE)) {
                return false;
            }
        }
        return true;
    }
}
