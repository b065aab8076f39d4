/**
 * The entry points of Dynamite: {@link dev.dynamite.Dynamite} (the client), {@link dev.dynamite.DynamiteConfig},
 * {@link dev.dynamite.Table} (the base class of models) and {@link dev.dynamite.Model} (a handle on one model).
 *
 * <pre>{@code
 * Dynamite dynamite = new Dynamite(DynamiteConfig.builder()
 *         .region("us-east-1")
 *         .tables(User.class, Order.class)
 *         .build());
 * dynamite.connect();
 * dynamite.sync();
 * }</pre>
 */
@NullMarked
package dev.dynamite;

import org.jspecify.annotations.NullMarked;
