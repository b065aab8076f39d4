package dev.dynamite.meta;

import java.lang.annotation.Annotation;
import java.util.List;

/**
 * What the annotation processor knows of one model, written as code: its fields with their annotations and direct
 * accessors, its hooks, how to make an instance, and how to make the plugin classes its annotations name. When a
 * model has one, Dynamite reads the model from it and never reflects on the model class, so the model's package
 * needs no {@code opens}. Models compiled without the processor are read by reflection.
 *
 * <p>Written by {@code dynamite-processor} into the model's metamodel class, which registers it with {@link
 * GeneratedModels#register} when it is initialized; not meant to be written by hand.
 *
 * @param <T> the model
 */
public interface GeneratedModel<T> {
    /**
     * Returns the model class.
     *
     * @return the model
     */
    Class<T> type();

    /**
     * Returns the model class's own annotations (such as {@code @Name}).
     *
     * @return the annotations
     */
    Annotation[] annotations();

    /**
     * Returns the model's fields that are neither {@code static} nor {@code transient}, superclass fields first, in
     * declaration order (a record's: its components).
     *
     * @return the fields
     */
    List<GeneratedField> fields();

    /**
     * Returns the model's hook methods (annotated {@code @BeforeCreate}, …), superclass methods first, in
     * declaration order, overridden ones once.
     *
     * @return the hooks
     */
    List<GeneratedHook> hooks();

    /**
     * Returns whether instances are values made from all their fields at once ({@link #construct}): a record, or an
     * immutable class (final fields and a constructor that takes them all); else they are made empty ({@link
     * #newInstance}) and filled field by field.
     *
     * @return true for a record or an immutable class
     */
    boolean immutable();

    /**
     * Returns a new instance of a model class, made with its no-arg constructor.
     *
     * @return the instance
     * @throws UnsupportedOperationException for a record or an immutable class
     */
    T newInstance();

    /**
     * Returns a new record made with its canonical constructor, or a new immutable instance made with its
     * all-fields constructor.
     *
     * @param components the components' (or fields') values, in declaration order (primitives boxed)
     * @return the instance
     * @throws UnsupportedOperationException for a model that is neither
     */
    T construct(Object[] components);

    /**
     * Returns a new instance of a plugin class the model's annotations name (a generator, a validator, a transform,
     * a codec), made with its public no-arg constructor.
     *
     * @param type the class
     * @return the instance
     * @throws IllegalArgumentException if no annotation of the model names the class
     */
    Object instantiate(Class<?> type);
}
