/**
 * Test fixtures: {@link dev.dynamite.test.DynamiteTest}, {@link dev.dynamite.test.DynamiteExtension} and
 * {@link dev.dynamite.test.Fixtures}.
 */
@NullMarked
package dev.dynamite.test;

import org.jspecify.annotations.NullMarked;
