package dev.dynamite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the inverse of a one-to-many or one-to-one relation: the item of {@link #model()} whose
 * {@link #foreignKey()} equals this item's {@link #localKey()}.
 *
 * <p>The field has the related model's type and is never persisted. Parents are loaded by key, so no index is needed.
 *
 * <pre>{@code
 * public String userId;
 * @BelongsTo(model = User.class, localKey = "userId")
 * public User user;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface BelongsTo {
    /**
     * Returns the parent model class.
     *
     * @return the model this item belongs to
     */
    Class<?> model();

    /**
     * Returns the Java field of this model that holds the parent's key.
     *
     * @return a field name of the declaring model
     */
    String localKey();

    /**
     * Returns the Java field of the parent model that {@link #localKey()} refers to.
     *
     * @return a field name of {@link #model()}; {@code "id"} by default
     */
    String foreignKey() default "id";
}
