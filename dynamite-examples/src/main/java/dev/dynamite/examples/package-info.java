/** Runnable examples of Dynamite. */
package dev.dynamite.examples;
