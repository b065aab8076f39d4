package dev.dynamite.local.internal.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory DynamoDB engine. Every write (including table changes) holds the engine's write lock and every read
 * its read lock, so single-item conditional writes are linearizable and transactions are atomic with respect to every
 * other operation. Thread-safe.
 */
public final class Engine implements Operations {
    final EngineOptions options;
    final Map<String, TableState> tables = new ConcurrentHashMap<>();
    final Map<String, TransactOps.Token> tokens = new ConcurrentHashMap<>();
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TableOps tableOps = new TableOps(this);
    private final ItemOps itemOps = new ItemOps(this);
    private final ReadOps readOps = new ReadOps(this);
    private final BatchOps batchOps = new BatchOps(this, itemOps);
    private final TransactOps transactOps = new TransactOps(this, itemOps);

    /**
     * Creates an empty engine.
     *
     * @param options delays and clock
     */
    public Engine(EngineOptions options) {
        this.options = options;
    }

    long now() {
        return options.clock().getAsLong();
    }

    @Override
    public Map<String, Object> execute(String operation, Map<String, Object> request) {
        Shapes.check(operation, request);
        return switch (operation) {
            case "CreateTable" -> write(() -> tableOps.createTable(request));
            case "DescribeTable" -> read(() -> tableOps.describeTable(request));
            case "DeleteTable" -> write(() -> tableOps.deleteTable(request));
            case "ListTables" -> read(() -> tableOps.listTables(request));
            case "UpdateTable" -> write(() -> tableOps.updateTable(request));
            case "UpdateTimeToLive" -> write(() -> tableOps.updateTimeToLive(request));
            case "DescribeTimeToLive" -> read(() -> tableOps.describeTimeToLive(request));
            case "PutItem" -> write(() -> itemOps.putItem(request));
            case "GetItem" -> read(() -> itemOps.getItem(request));
            case "UpdateItem" -> write(() -> itemOps.updateItem(request));
            case "DeleteItem" -> write(() -> itemOps.deleteItem(request));
            case "Query" -> read(() -> readOps.query(request));
            case "Scan" -> read(() -> readOps.scan(request));
            case "BatchGetItem" -> read(() -> batchOps.batchGetItem(request));
            case "BatchWriteItem" -> write(() -> batchOps.batchWriteItem(request));
            case "TransactWriteItems" -> write(() -> transactOps.transactWriteItems(request));
            case "TransactGetItems" -> read(() -> transactOps.transactGetItems(request));
            default -> throw new DynamoException("UnknownOperationException", "An unknown operation was requested.",
                    400);
        };
    }

    private interface Work {
        Map<String, Object> run();
    }

    private Map<String, Object> read(Work work) {
        lock.readLock().lock();
        try {
            return work.run();
        } finally {
            lock.readLock().unlock();
        }
    }

    private Map<String, Object> write(Work work) {
        lock.writeLock().lock();
        try {
            return work.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Returns an existing table that may be used for item operations (not CREATING nor DELETING).
     *
     * @param name the table name
     * @return the table
     * @throws DynamoException {@code ResourceNotFoundException} when it does not exist or is not ready
     */
    TableState activeTable(String name) {
        TableState table = tables.get(name);
        long now = now();
        if (table == null || now < table.activeAt || now >= table.deletingSince) {
            throw DynamoException.notFound("Requested resource not found");
        }
        return table;
    }
}
