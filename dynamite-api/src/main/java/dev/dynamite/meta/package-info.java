/**
 * The typed metamodel: one {@link dev.dynamite.meta.Attribute} constant per persisted field of a model, from which
 * typed filters ({@link dev.dynamite.meta.Filter}) and typed updates ({@link dev.dynamite.meta.Update}) are built.
 *
 * <p>The annotation processor ({@code dynamite-processor}) writes a metamodel class next to each model, named after
 * it with a trailing underscore ({@code Order_} for {@code Order}). A filter of the wrong type does not compile:
 *
 * <pre>{@code
 * List<Order> open = orders.query()
 *         .where(Order_.userId.eq(userId).and(Order_.status.in("pending", "paid")))
 *         .list();
 * orders.update(Order_.note.remove(), Order_.total.gte(new BigDecimal("100")));
 * }</pre>
 *
 * <p>Typed filters are values: they name Java fields and hold Java values. The client checks them against the model
 * exactly as it checks the map form ({@code Map.of("total", Map.of(">=", 10))}): the same field whitelist, the same
 * conversions, and every name and value sent through expression placeholders.
 */
@NullMarked
package dev.dynamite.meta;

import org.jspecify.annotations.NullMarked;
