package dev.dynamite.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a connected, synced {@code Dynamite} for its models, on tables no other test class sees (a
 * unique table prefix), deleted after the class. Test methods and constructors may take a {@code Dynamite}, its
 * {@code DynamoDbClient}, a {@code Model<T>} of a listed model, the {@link RequestLog} of the client's calls, the
 * embedded engine ({@code DynamoDbLocal}) or a {@code DynamiteConfig.Builder} of the same backend as parameters (see
 * {@link DynamiteExtension}).
 *
 * <pre>{@code
 * @DynamiteTest(models = {User.class, Order.class})
 * class UserTest {
 *     @Test
 *     void createsAUser(Model<User> users) {
 *         assertThat(users.create(Map.of("name", "Ada")).isPersisted()).isTrue();
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(DynamiteExtension.class)
public @interface DynamiteTest {
    /**
     * Returns the model classes whose tables the test needs.
     *
     * @return the models
     */
    Class<?>[] models();

    /**
     * Returns where the test runs.
     *
     * @return the backend; {@link Backend#AUTO} by default
     */
    Backend backend() default Backend.AUTO;
}
