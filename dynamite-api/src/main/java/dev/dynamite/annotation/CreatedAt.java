package dev.dynamite.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field that Dynamite sets to the current time when an item is created, and never changes afterwards (a later
 * {@code save()} leaves the stored value alone even if the field was reassigned).
 *
 * <p>The field is a {@code String} (ISO-8601 UTC with milliseconds, {@code 2026-11-25T16:13:30.123Z}, which sorts
 * chronologically), an {@link java.time.Instant}, or a {@code long}/{@code Long} of epoch milliseconds. It cannot be
 * set through a {@code create} or {@code update} map.
 *
 * <pre>{@code
 * @CreatedAt public Instant createdAt;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface CreatedAt {
}
