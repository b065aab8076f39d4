package dev.dynamite.it;

import dev.dynamite.annotation.Default;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.annotation.Version;
import dev.dynamite.api.UuidGenerator;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Immutable classes as models: final fields and a constructor that takes them all, or a builder. {@link Invoice}'s
 * fields are public, so the processor's code reads it; {@link Ledger}'s are private, so it is read by reflection.
 * {@link Consignment} (package-private fields: generated code) and {@link Crate} (private fields, Lombok-style
 * {@code @Value @Builder}: reflection) have no all-fields constructor and are made through their builders.
 */
final class ImmutableModels {
    private ImmutableModels() {
    }

    /** An immutable invoice, read and written through its generated code. */
    public static final class Invoice {
        @PrimaryKey @Default(generator = UuidGenerator.class) public final String id;
        public final String customer;
        public final BigDecimal amount;
        @Default("open") public final String state;
        public final int reminders;
        @Version public final long version;

        public Invoice(String id, String customer, BigDecimal amount, String state, int reminders, long version) {
            this.id = id;
            this.customer = customer;
            this.amount = amount;
            this.state = state;
            this.reminders = reminders;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Invoice that && Objects.equals(id, that.id)
                    && Objects.equals(customer, that.customer) && amount.compareTo(that.amount) == 0
                    && Objects.equals(state, that.state) && reminders == that.reminders && version == that.version;
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, customer, state, reminders, version);
        }

        @Override
        public String toString() {
            return "Invoice[" + id + ", " + customer + ", " + amount + ", " + state + ", " + reminders + ", v"
                    + version + "]";
        }
    }

    /** An immutable ledger entry with private fields: the run time reads it by reflection. */
    public static final class Ledger {
        @PrimaryKey private final String id;
        private final String account;
        private final long cents;
        @Version private final long version;

        public Ledger(String id, String account, long cents, long version) {
            this.id = id;
            this.account = account;
            this.cents = cents;
            this.version = version;
        }

        public String id() {
            return id;
        }

        public String account() {
            return account;
        }

        public long cents() {
            return cents;
        }

        public long version() {
            return version;
        }
    }

    /** Counts the values the builders below have built: the proof that Dynamite makes them through the builder. */
    static final AtomicInteger BUILT = new AtomicInteger();

    /** An immutable consignment made only through its builder; its code is generated. */
    public static final class Consignment {
        @PrimaryKey @Default(generator = UuidGenerator.class) final String id;
        final String carrier;
        final int grams;
        @Default("booked") final String status;
        @Version final long version;

        private Consignment(Builder builder) {
            this.id = builder.id;
            this.carrier = builder.carrier;
            this.grams = builder.grams;
            this.status = builder.status;
            this.version = builder.version;
        }

        public static Builder builder() {
            return new Builder();
        }

        /** A fluent builder, as Lombok and Immutables write them. */
        public static final class Builder {
            private String id;
            private String carrier;
            private int grams;
            private String status;
            private long version;

            public Builder id(String id) {
                this.id = id;
                return this;
            }

            public Builder carrier(String carrier) {
                this.carrier = carrier;
                return this;
            }

            public Builder grams(int grams) {
                this.grams = grams;
                return this;
            }

            public Builder status(String status) {
                this.status = status;
                return this;
            }

            public Builder version(long version) {
                this.version = version;
                return this;
            }

            public Consignment build() {
                BUILT.incrementAndGet();
                return new Consignment(this);
            }
        }
    }

    /** An immutable crate with private fields and a setter-style builder: the run time reads it by reflection. */
    public static final class Crate {
        @PrimaryKey private final String id;
        private final String contents;
        @Version private final long version;

        private Crate(Builder builder) {
            this.id = builder.id;
            this.contents = Objects.requireNonNull(builder.contents, "contents");
            this.version = builder.version;
        }

        public static Builder builder() {
            return new Builder();
        }

        public String id() {
            return id;
        }

        public String contents() {
            return contents;
        }

        public long version() {
            return version;
        }

        /** A setter-style builder, as AutoValue writes them; {@code build()} refuses a crate without contents. */
        public static final class Builder {
            private String id;
            private String contents;
            private long version;

            public void setId(String id) {
                this.id = id;
            }

            public Builder setContents(String contents) {
                this.contents = contents;
                return this;
            }

            public Builder setVersion(long version) {
                this.version = version;
                return this;
            }

            public Crate build() {
                BUILT.incrementAndGet();
                return new Crate(this);
            }
        }
    }
}
