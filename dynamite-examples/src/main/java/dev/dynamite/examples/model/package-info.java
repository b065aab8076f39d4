/** The example's models; opened to {@code dev.dynamite.core}. */
package dev.dynamite.examples.model;
