package dev.dynamite.examples.model;

import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.annotation.BeforeCreate;
import dev.dynamite.annotation.CreatedAt;
import dev.dynamite.annotation.Default;
import dev.dynamite.annotation.DeleteAt;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.NotNull;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.annotation.Set;
import dev.dynamite.annotation.UpdatedAt;
import dev.dynamite.annotation.Validate;
import dev.dynamite.api.UuidGenerator;
import dev.dynamite.examples.money.Money;
import java.util.List;
import java.util.Locale;

/** A customer: the seed's {@code User} model, with soft delete. */
public class User extends Table<User> {
    /** The handle every operation on users goes through, bound to the global client. */
    public static final Model<User> model = Table.model(User.class);

    @PrimaryKey @Default(generator = UuidGenerator.class) public String id;
    @NotNull("a user needs a name") public String name;
    @Set(Trim.class) @Validate(EmailValidator.class) public String email;
    @Default("customer") public String role;
    public Address address;
    public Money credit;
    @CreatedAt public String createdAt;
    @UpdatedAt public String updatedAt;
    @DeleteAt public String deletedAt;

    @HasMany(model = Order.class, foreignKey = "userId")
    public List<Order> orders;

    /** Creates an empty user; required by Dynamite. */
    public User() {
    }

    @BeforeCreate
    void normalize() {
        if (email != null) {
            email = email.toLowerCase(Locale.ROOT);
        }
    }
}
