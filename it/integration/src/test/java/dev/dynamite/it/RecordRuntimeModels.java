package dev.dynamite.it;

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
import dev.dynamite.it.RuntimeModels.Email;
import dev.dynamite.it.RuntimeModels.Lower;
import dev.dynamite.it.RuntimeModels.Mask;
import dev.dynamite.it.RuntimeModels.NoExampleDomain;
import dev.dynamite.it.RuntimeModels.Trim;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@link RuntimeModels} as records, with the same data annotations on their components and the same transforms and
 * validators: the model-runtime suite runs on both. A record has no superclass to declare hooks in, and a record's
 * hook sees the value and cannot change it, so {@link Hooked} reports what its hooks see instead of filling a slug.
 */
final class RecordRuntimeModels {
    private RecordRuntimeModels() {
    }

    /** Every data annotation; soft-deletes. */
    public record Account(@PrimaryKey @Default(generator = UuidGenerator.class) String id,
                          @NotNull("an account needs a name") String name,
                          @Set(Trim.class) @Mutate(Lower.class) @Validate({Email.class, NoExampleDomain.class})
                          String email,
                          @Default("customer") String role,
                          @Default("3") Integer credits,
                          int visits,
                          BigDecimal balance,
                          List<String> tags,
                          @Get(Mask.class) String card,
                          @Name("status") String state,
                          @Name("display name") String displayName,
                          @Name("a.b#c:d") String odd,
                          @CreatedAt String createdAt,
                          @UpdatedAt Instant updatedAt,
                          @DeleteAt Long deletedAt,
                          @NonAttribute String computed) {
        /** A value built by hand, as an application would build it: only a key, a name and an e-mail address. */
        static Account of(String id, String name, String email) {
            return new Account(id, name, email, null, null, 0, null, null, null, null, null, null, null, null, null,
                    null);
        }

        /** A copy with another state, made by hand: a value Dynamite never handed out. */
        Account withState(String next) {
            return new Account(id, name, email, role, credits, visits, balance, tags, card, next, displayName, odd,
                    createdAt, updatedAt, deletedAt, computed);
        }
    }

    /** Optimistic locking on a composite key. */
    public record Doc(@Index String space, @IndexSort long number, String title, String body, @Version long version,
                      @DeleteAt Instant deletedAt) {
    }

    /** A model without soft delete or generated key. */
    public record Note(@PrimaryKey String id, @Default(generator = UlidGenerator.class) String ulid, String text,
                       int likes, Long stamp) {
        /** A value built by hand, with no ulid yet. */
        static Note of(String id, String text) {
            return new Note(id, null, text, 0, null);
        }
    }

    /** Records the hooks of {@link Hooked} in the order they run, with what they saw. */
    static final List<String> EVENTS = Collections.synchronizedList(new ArrayList<>());

    /** Hooks of every kind, in declaration order; {@code audit*} come first, as a superclass's would. */
    public record Hooked(@PrimaryKey String id, String name, String slug, @CreatedAt long createdAt) {
        @BeforeCreate
        void auditBeforeCreate() {
            EVENTS.add("audit.beforeCreate");
        }

        @BeforeUpdate
        void auditBeforeUpdate(Map<String, Object> changes) {
            EVENTS.add("audit.beforeUpdate" + changes.keySet());
        }

        @BeforeCreate
        void zeta() {
            EVENTS.add("zeta");
            if ("explode".equals(name)) {
                throw new IllegalStateException("before-create refused " + name);
            }
        }

        /** A private hook: the record's hooks are then reached by reflection, not by generated code. */
        @BeforeCreate
        private void alpha() {
            EVENTS.add("alpha saw " + name);
        }

        @AfterCreate
        void created() {
            EVENTS.add("afterCreate");
        }

        @BeforeUpdate
        void beforeUpdate(Map<String, Object> changes) {
            EVENTS.add("beforeUpdate" + changes + " on " + name);
            if ("explode".equals(changes.get("name"))) {
                throw new IllegalStateException("before-update refused " + changes);
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
}
