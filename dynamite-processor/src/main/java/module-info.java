/**
 * Dynamite's annotation processor: for every model (a class or record with a {@code @PrimaryKey} or {@code @Index}
 * field) it reports the mistakes the run time would report as {@code InvalidModelException}, as compile errors on the
 * element at fault, and writes the model's typed metamodel ({@code Order_} for {@code Order}).
 *
 * <p>Put it on the processor path ({@code maven-compiler-plugin}'s {@code annotationProcessorPaths}); it has no
 * dependency and exports nothing.
 */
module dev.dynamite.processor {
    requires java.compiler;

    provides javax.annotation.processing.Processor with dev.dynamite.processor.ModelProcessor;
}
