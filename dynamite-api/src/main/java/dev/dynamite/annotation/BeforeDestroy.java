package dev.dynamite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that runs before an item is deleted or soft-deleted ({@code destroy()}, {@code forceDestroy()}, bulk deletes).
 *
 * <p>A hook method may have any visibility and takes no parameter. Hooks of one kind run in declaration order, those
 * of a superclass first. They run on every operation unless {@code MutationOptions.skipHooks()} is given (or, with
 * {@code DynamiteConfig.hooksByDefault(false)}, only when {@code MutationOptions.hooks()} is given).
 * An unchecked exception thrown by a hook propagates unchanged; a checked one is wrapped in
 * {@link dev.dynamite.api.HookException}. When a before-hook throws, nothing is written.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BeforeDestroy {
}
