/** The transaction context implementation. Not exported. */
@NullMarked
package dev.dynamite.tx.internal;

import org.jspecify.annotations.NullMarked;
