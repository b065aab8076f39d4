/**
 * A custom codec plugin: {@link dev.dynamite.examples.money.Money} stored as one string attribute, registered with
 * {@code provides dev.dynamite.spi.CodecProvider} in module-info and in {@code META-INF/services}.
 */
package dev.dynamite.examples.money;
