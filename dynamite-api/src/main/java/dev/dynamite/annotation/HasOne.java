package dev.dynamite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a one-to-one relation: the item of {@link #model()} whose {@link #foreignKey()} equals this item's
 * {@link #localKey()}.
 *
 * <p>The field has the related model's type and is never persisted. {@code sync()} gives the related table
 * a global secondary index on the foreign key (named {@code GSI{N}_{attribute}}) unless the foreign key is already
 * that table's partition key.
 *
 * <pre>{@code
 * @HasOne(model = Profile.class, foreignKey = "userId")
 * public Profile profile;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface HasOne {
    /**
     * Returns the related model class.
     *
     * @return the model whose item this relation holds
     */
    Class<?> model();

    /**
     * Returns the Java field of the related model that holds this item's key.
     *
     * @return a field name of {@link #model()}
     */
    String foreignKey();

    /**
     * Returns the Java field of this model that the foreign key refers to.
     *
     * @return a field name of the declaring model; {@code "id"} by default
     */
    String localKey() default "id";
}
