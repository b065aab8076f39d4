package dev.dynamite.schema;

import java.util.Objects;

/**
 * One thing {@code sync()} does, or would do, to one table.
 */
public sealed interface TableChange {

    /**
     * Returns the table concerned.
     *
     * @return the full table name
     */
    String table();

    /**
     * The table does not exist and is created with its keys and indexes.
     *
     * @param definition the table to create
     */
    record CreateTable(TableDefinition definition) implements TableChange {
        /**
         * Checks the definition is present.
         *
         * @param definition the table to create
         */
        public CreateTable {
            Objects.requireNonNull(definition, "definition");
        }

        @Override
        public String table() {
            return definition.name();
        }

        @Override
        public String toString() {
            return "create table " + definition;
        }
    }

    /**
     * The table exists but lacks a global secondary index, which is added with {@code UpdateTable}.
     *
     * @param table the table name
     * @param index the index to add
     */
    record AddIndex(String table, IndexDefinition index) implements TableChange {
        /**
         * Checks no component is null.
         *
         * @param table the table name
         * @param index the index to add
         */
        public AddIndex {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(index, "index");
        }

        @Override
        public String toString() {
            return "add index " + index + " to table " + table;
        }
    }

    /**
     * The table exists with keys other than the model declares; sync cannot change keys, so it only reports this.
     *
     * @param table the table name
     * @param problem what differs, e.g. "HASH key is userId (S), the model declares id (S)"
     */
    record KeyMismatch(String table, String problem) implements TableChange {
        /**
         * Checks no component is null.
         *
         * @param table the table name
         * @param problem what differs, e.g. "HASH key is userId (S), the model declares id (S)"
         */
        public KeyMismatch {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(problem, "problem");
        }

        @Override
        public String toString() {
            return "key mismatch on table " + table + ": " + problem + " (not changed; migrate it by hand)";
        }
    }

    /**
     * The table exists as declared; nothing to do.
     *
     * @param table the table name
     */
    record UpToDate(String table) implements TableChange {
        /**
         * Checks the name is present.
         *
         * @param table the table name
         */
        public UpToDate {
            Objects.requireNonNull(table, "table");
        }

        @Override
        public String toString() {
            return "table " + table + " is up to date";
        }
    }
}
