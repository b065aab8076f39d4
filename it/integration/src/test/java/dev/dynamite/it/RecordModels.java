package dev.dynamite.it;

import dev.dynamite.annotation.BeforeCreate;
import dev.dynamite.annotation.BelongsTo;
import dev.dynamite.annotation.CreatedAt;
import dev.dynamite.annotation.Default;
import dev.dynamite.annotation.DeleteAt;
import dev.dynamite.annotation.HasMany;
import dev.dynamite.annotation.Name;
import dev.dynamite.annotation.NotNull;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.annotation.UpdatedAt;
import dev.dynamite.annotation.Validate;
import dev.dynamite.annotation.Version;
import dev.dynamite.api.UuidGenerator;
import dev.dynamite.spi.Validator;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Record models: a buyer with many orders, each order belonging to its buyer. */
final class RecordModels {
    private RecordModels() {
    }

    /** Refuses a negative amount. */
    public static final class NotNegative implements Validator<BigDecimal> {
        @Override
        public Optional<String> validate(BigDecimal value) {
            return value != null && value.signum() < 0 ? Optional.of("must not be negative") : Optional.empty();
        }
    }

    public record Buyer(@PrimaryKey String id, @NotNull String name, @Default("bronze") String tier,
                        @HasMany(model = Order.class, foreignKey = "userId") List<Order> orders) {
        /** A hook of a record sees the value it is about to create. */
        @BeforeCreate
        void reserved() {
            if ("admin".equals(name)) {
                throw new IllegalArgumentException("the name 'admin' is reserved");
            }
        }
    }

    public record Order(@PrimaryKey @Default(generator = UuidGenerator.class) String id,
                        String userId,
                        @Validate(NotNegative.class) BigDecimal total,
                        @Default("pending") String status,
                        @Name("note_text") String note,
                        Set<String> tags,
                        int logins,
                        @CreatedAt String createdAt,
                        @UpdatedAt String updatedAt,
                        @DeleteAt String deletedAt,
                        @Version long version,
                        @BelongsTo(model = Buyer.class, localKey = "userId") Buyer buyer) {
        /** A copy with another total, as an application would write it. */
        Order withTotal(BigDecimal next) {
            return new Order(id, userId, next, status, note, tags, logins, createdAt, updatedAt, deletedAt, version,
                    buyer);
        }
    }
}
