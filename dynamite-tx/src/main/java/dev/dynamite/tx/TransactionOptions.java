package dev.dynamite.tx;

import dev.dynamite.api.InvalidQueryException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Options of one transaction: its idempotency token, whether a failed condition returns the stored item, and a lower
 * action limit. Immutable; built with {@link #builder()}.
 *
 * <pre>{@code
 * dynamite.tx(TransactionOptions.builder().clientRequestToken(orderId).build(), tx -> …);
 * }</pre>
 */
public final class TransactionOptions {
    /** DynamoDB's limit on the actions of one transaction. */
    public static final int MAX_ACTIONS = 100;
    /** DynamoDB's limit on the size of one transaction. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;
    private static final TransactionOptions DEFAULTS = builder().build();

    private final @Nullable String clientRequestToken;
    private final boolean returnItemsOnConditionFailure;
    private final int maxActions;

    private TransactionOptions(Builder b) {
        this.clientRequestToken = b.clientRequestToken;
        this.returnItemsOnConditionFailure = b.returnItemsOnConditionFailure;
        this.maxActions = b.maxActions;
    }

    /**
     * Returns the default options: a fresh token per transaction, DynamoDB's limits.
     *
     * @return the defaults
     */
    public static TransactionOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a set of options.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.clientRequestToken = clientRequestToken;
        b.returnItemsOnConditionFailure = returnItemsOnConditionFailure;
        b.maxActions = maxActions;
        return b;
    }

    /**
     * Returns the idempotency token.
     *
     * @return the token, or empty for a fresh random one per transaction (reused on the SDK's retries)
     */
    public Optional<String> clientRequestToken() {
        return Optional.ofNullable(clientRequestToken);
    }

    /**
     * Tells whether a failed condition reports the stored item in the cancellation reason.
     *
     * @return true to ask for it
     */
    public boolean returnItemsOnConditionFailure() {
        return returnItemsOnConditionFailure;
    }

    /**
     * Returns the most actions the transaction may hold.
     *
     * @return at most {@link #MAX_ACTIONS}
     */
    public int maxActions() {
        return maxActions;
    }

    /** Builds {@link TransactionOptions}. Not thread-safe. */
    public static final class Builder {
        private @Nullable String clientRequestToken;
        private boolean returnItemsOnConditionFailure;
        private int maxActions = MAX_ACTIONS;

        private Builder() {
        }

        /**
         * Sets the idempotency token: the same token commits at most once within DynamoDB's ten minutes.
         *
         * @param token 1 to 36 characters
         * @return this builder
         */
        public Builder clientRequestToken(String token) {
            this.clientRequestToken = Objects.requireNonNull(token, "token");
            return this;
        }

        /**
         * Asks DynamoDB to report the stored item of an action whose condition failed.
         *
         * @param returnItems true to ask
         * @return this builder
         */
        public Builder returnItemsOnConditionFailure(boolean returnItems) {
            this.returnItemsOnConditionFailure = returnItems;
            return this;
        }

        /**
         * Lowers the action limit, for servers with a smaller one (the TypeScript original documents 25).
         *
         * @param maxActions 1 to 100
         * @return this builder
         */
        public Builder maxActions(int maxActions) {
            this.maxActions = maxActions;
            return this;
        }

        /**
         * Checks and builds the options.
         *
         * @return the options
         * @throws InvalidQueryException if the token is not 1 to 36 characters or the limit is not 1 to 100
         */
        public TransactionOptions build() {
            if (clientRequestToken != null && (clientRequestToken.isEmpty() || clientRequestToken.length() > 36)) {
                throw new InvalidQueryException("clientRequestToken must have 1 to 36 characters, has "
                        + clientRequestToken.length());
            }
            if (maxActions < 1 || maxActions > MAX_ACTIONS) {
                throw new InvalidQueryException("maxActions must be 1 to " + MAX_ACTIONS + ", was " + maxActions);
            }
            return new TransactionOptions(this);
        }
    }
}
