package dev.dynamite.it;

import dev.dynamite.Model;
import dev.dynamite.Table;
import dev.dynamite.annotation.AfterCreate;
import dev.dynamite.annotation.AfterDestroy;
import dev.dynamite.annotation.AfterUpdate;
import dev.dynamite.annotation.BeforeCreate;
import dev.dynamite.annotation.BeforeDestroy;
import dev.dynamite.annotation.BeforeUpdate;
import dev.dynamite.annotation.CreatedAt;
import dev.dynamite.annotation.Default;
import dev.dynamite.annotation.DeleteAt;
import dev.dynamite.annotation.Get;
import dev.dynamite.annotation.Index;
import dev.dynamite.annotation.IndexSort;
import dev.dynamite.annotation.Mutate;
import dev.dynamite.annotation.Name;
import dev.dynamite.annotation.NonAttribute;
import dev.dynamite.annotation.NotNull;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.annotation.Set;
import dev.dynamite.annotation.UpdatedAt;
import dev.dynamite.annotation.Validate;
import dev.dynamite.annotation.Version;
import dev.dynamite.api.UlidGenerator;
import dev.dynamite.api.UuidGenerator;
import dev.dynamite.spi.Transform;
import dev.dynamite.spi.Validator;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Models of the model-runtime tests: every data annotation, hooks, versions, composite keys, awkward names. */
final class RuntimeModels {
    private RuntimeModels() {
    }

    public static final class Trim implements Transform<String> {
        @Override
        public String apply(String value) {
            return value.strip();
        }
    }

    public static final class Lower implements Transform<String> {
        @Override
        public String apply(String value) {
            return value.toLowerCase(Locale.ROOT);
        }
    }

    /** Shows only the last four characters: a read transform that must never be written back. */
    public static final class Mask implements Transform<String> {
        @Override
        public String apply(String value) {
            return value.length() <= 4 ? value : "*".repeat(value.length() - 4) + value.substring(value.length() - 4);
        }
    }

    public static final class Email implements Validator<String> {
        @Override
        public Optional<String> validate(String value) {
            return value.contains("@") ? Optional.empty() : Optional.of("'" + value + "' is not an e-mail address");
        }
    }

    public static final class NoExampleDomain implements Validator<String> {
        @Override
        public Optional<String> validate(String value) {
            return value.endsWith("@example.invalid") ? Optional.of("example.invalid is not allowed")
                    : Optional.empty();
        }
    }

    /** Every data annotation; soft-deletes. */
    public static final class Account extends Table<Account> {
        public static final Model<Account> model = Table.model(Account.class);

        @PrimaryKey @Default(generator = UuidGenerator.class) public String id;
        @NotNull("an account needs a name") public String name;
        @Set(Trim.class) @Mutate(Lower.class) @Validate({Email.class, NoExampleDomain.class}) public String email;
        @Default("customer") public String role;
        @Default("3") public Integer credits;
        public int visits;
        public BigDecimal balance;
        public List<String> tags;
        @Get(Mask.class) public String card;
        @Name("status") public String state;
        @Name("display name") public String displayName;
        @Name("a.b#c:d") public String odd;
        @CreatedAt public String createdAt;
        @UpdatedAt public Instant updatedAt;
        @DeleteAt public Long deletedAt;
        @NonAttribute public String computed;
        public transient String scratch;
    }

    /** Optimistic locking on a composite key. */
    public static final class Doc extends Table<Doc> {
        @Index public String space;
        @IndexSort public long number;
        public String title;
        public String body;
        @Version public long version;
        @DeleteAt public Instant deletedAt;
    }

    /** A model without soft delete or generated key. */
    public static final class Note extends Table<Note> {
        @PrimaryKey public String id;
        @Default(generator = UlidGenerator.class) public String ulid;
        public String text;
        public int likes;
        public Long stamp;
    }

    /** Records the hooks of {@link Hooked} in the order they run. */
    static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());

    /** A superclass with hooks of its own: they run before the subclass's. */
    public abstract static class Audited<T extends Audited<T>> extends Table<T> {
        @BeforeCreate
        void auditBeforeCreate() {
            EVENTS.add("Audited.beforeCreate");
        }

        @BeforeUpdate
        void auditBeforeUpdate(Map<String, Object> changes) {
            EVENTS.add("Audited.beforeUpdate" + changes.keySet());
        }
    }

    public static final class Hooked extends Audited<Hooked> {
        @PrimaryKey public String id;
        public String name;
        public String slug;
        @CreatedAt public long createdAt;

        @BeforeCreate
        void zeta() {
            EVENTS.add("zeta");
            if ("explode".equals(name)) {
                throw new IllegalStateException("before-create refused " + name);
            }
        }

        @BeforeCreate
        private void alpha() {
            EVENTS.add("alpha");
            slug = name == null ? null : name.toLowerCase(Locale.ROOT);
        }

        @AfterCreate
        void created() {
            EVENTS.add("afterCreate");
        }

        @BeforeUpdate
        void beforeUpdate(Map<String, Object> changes) {
            EVENTS.add("beforeUpdate" + changes);
            if ("explode".equals(changes.get("name"))) {
                throw new IllegalStateException("before-update refused " + changes);
            }
            if (changes.containsKey("name")) {
                slug = name.toLowerCase(Locale.ROOT);
            }
        }

        @AfterUpdate
        void afterUpdate(Map<String, Object> changes) {
            EVENTS.add("afterUpdate" + changes.keySet());
        }

        @BeforeDestroy
        void beforeDestroy() throws java.io.IOException {
            EVENTS.add("beforeDestroy");
            if ("keep".equals(name)) {
                throw new java.io.IOException("keep me");
            }
        }

        @AfterDestroy
        void afterDestroy() {
            EVENTS.add("afterDestroy");
        }
    }

    static final Class<?>[] ALL = {Account.class, Doc.class, Note.class, Hooked.class};
}
