package dev.dynamite;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of a paged query ({@link Query#page(int)}): at most the page size of matching items, and the cursor the
 * next page starts after. The cursor is an opaque, URL-safe string, safe to hand to the client of a web API and to
 * take back from it ({@link Query#after(String)}); it is bound to the query that made it. Immutable.
 *
 * <pre>{@code
 * Page<Order> page = Order.model.query().where("userId", id).after(cursorFromRequest).page(20);
 * respond(page.items(), page.cursor().orElse(null));
 * }</pre>
 *
 * @param <T> the model type
 */
public final class Page<T> {
    private final List<T> items;
    private final @Nullable String cursor;

    Page(List<T> items, @Nullable String cursor) {
        this.items = List.copyOf(items);
        this.cursor = cursor;
    }

    /**
     * Returns the items of this page, in the query's order.
     *
     * @return at most the page size of items; unmodifiable
     */
    public List<T> items() {
        return items;
    }

    /**
     * Returns the cursor of the next page.
     *
     * @return the cursor, or empty on the last page
     */
    public Optional<String> cursor() {
        return Optional.ofNullable(cursor);
    }

    /**
     * Tells whether a next page may hold items. When the last page happens to end a read exactly, the next page can
     * still come back empty (DynamoDB knows the end only when it reads past it).
     *
     * @return true when there is a cursor
     */
    public boolean hasNext() {
        return cursor != null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Page<?> page && items.equals(page.items) && Objects.equals(cursor, page.cursor);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, cursor);
    }

    @Override
    public String toString() {
        return "Page[" + items.size() + " items" + (cursor == null ? ", last" : ", cursor " + cursor) + "]";
    }
}
