package dev.dynamite.it;

import dev.dynamite.annotation.Default;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.annotation.Version;
import dev.dynamite.api.UuidGenerator;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Immutable classes as models: final fields and a constructor that takes them all. {@link Invoice}'s fields are
 * public, so the processor's code reads it; {@link Ledger}'s are private, so it is read by reflection.
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
}
