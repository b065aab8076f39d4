package dev.dynamite.schema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code sync()} does, or would do: one or more {@link TableChange}s per table, in the order they are applied.
 *
 * @param changes the changes; a table that needs nothing has one {@link TableChange.UpToDate}
 */
public record SyncPlan(List<TableChange> changes) {
    /**
     * Copies the list of changes.
     *
     * @param changes the changes; a table that needs nothing has one {@link TableChange.UpToDate}
     */
    public SyncPlan {
        changes = List.copyOf(changes);
    }

    /**
     * Tells whether sync has nothing to create or add.
     *
     * @return true when no change is a {@link TableChange.CreateTable} or {@link TableChange.AddIndex}
     */
    public boolean isUpToDate() {
        return changes.stream().noneMatch(c -> c instanceof TableChange.CreateTable || c instanceof TableChange.AddIndex);
    }

    /**
     * Returns the changes of one kind.
     *
     * @param kind the change type, e.g. {@code TableChange.CreateTable.class}
     * @param <C> the change type
     * @return the changes of that kind, in order
     */
    public <C extends TableChange> List<C> changes(Class<C> kind) {
        return changes.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /**
     * Returns the plan as lines of text, one change a line.
     *
     * @return a human-readable description
     */
    @Override
    public String toString() {
        return changes.stream().map(c -> "- " + c).collect(Collectors.joining(System.lineSeparator()));
    }
}
