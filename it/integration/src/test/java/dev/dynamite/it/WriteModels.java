package dev.dynamite.it;

import dev.dynamite.Table;
import dev.dynamite.annotation.BeforeDestroy;
import dev.dynamite.annotation.BeforeUpdate;
import dev.dynamite.annotation.DeleteAt;
import dev.dynamite.annotation.PrimaryKey;
import dev.dynamite.annotation.Version;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Models of the write-path tests: a concurrent writer can step in between a bulk write's read and its writes. */
final class WriteModels {
    private WriteModels() {
    }

    /**
     * Another writer, run once, between the read of a bulk write and its first write to an item (from the before
     * hooks, which run after the read and before the request). Every write of the bulk call is sent after it.
     */
    static final AtomicReference<Runnable> INTERFERE = new AtomicReference<>();

    // synchronized: with concurrent bulk writes, every other item's hook (and so its request) waits for the writer
    private static synchronized void interfere() {
        Runnable other = INTERFERE.getAndSet(null);
        if (other != null) {
            other.run();
        }
    }

    public static final class Parcel extends Table<Parcel> {
        @PrimaryKey public String id;
        public String batch;
        public String status;
        public int weight;
        public java.util.Set<String> labels;

        @BeforeUpdate
        void beforeUpdate(Map<String, Object> changes) {
            interfere();
        }

        @BeforeDestroy
        void beforeDestroy() {
            interfere();
        }
    }

    /** Soft-deletes: a bulk write must not touch what another writer soft-deleted meanwhile. */
    public static final class Ticket extends Table<Ticket> {
        @PrimaryKey public String id;
        public String batch;
        public String state;
        @DeleteAt public String deletedAt;

        @BeforeUpdate
        void beforeUpdate(Map<String, Object> changes) {
            interfere();
        }
    }

    /** Counters: bounded by their Java type, and conditioned on the version for instance counters. */
    public static final class Tally extends Table<Tally> {
        @PrimaryKey public String id;
        public String batch;
        public int count;
        public long total;
        @Version public long version;
    }
}
