/**
 * Transactions: {@link dev.dynamite.tx.Transactions#run} runs a {@link dev.dynamite.tx.TransactionCallback} with a
 * fresh {@link dev.dynamite.api.TransactionContext} and commits it; {@code Dynamite.tx} is the usual entry point.
 */
@NullMarked
package dev.dynamite.tx;

import org.jspecify.annotations.NullMarked;
