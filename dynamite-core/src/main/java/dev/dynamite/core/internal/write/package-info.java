/**
 * How writes reach DynamoDB and how their outcome is known: bulk writes with bounded concurrency, batch writes with
 * backoff until a deadline, and the classification of a failure as certainly-not-applied or in doubt. Depends on the
 * SDK and the API only, never on the model runtime above it. Not exported.
 */
@NullMarked
package dev.dynamite.core.internal.write;

import org.jspecify.annotations.NullMarked;
