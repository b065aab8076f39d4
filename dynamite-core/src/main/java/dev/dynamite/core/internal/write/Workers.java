package dev.dynamite.core.internal.write;

import dev.dynamite.core.internal.observe.Operations;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

/**
 * Runs numbered tasks with bounded parallelism on daemon threads, the calling thread taking its share: the requests
 * of one bulk write, one batch read or write, or one parallel scan. Tasks are started in order; once one asks to stop
 * (or throws), no new task starts, and the tasks in flight finish before {@link #run} returns.
 */
public final class Workers {
    private static final ExecutorService THREADS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "dynamite-worker");
        thread.setDaemon(true);
        return thread;
    });

    private Workers() {
    }

    /**
     * Starts a task on a worker thread and returns at once: the producer of a lazily read parallel scan.
     *
     * @param task the task
     * @return its future
     */
    public static Future<?> start(Runnable task) {
        return THREADS.submit(task);
    }

    /**
     * Runs tasks {@code 0..count-1}, at most {@code concurrency} at a time.
     *
     * @param count how many tasks
     * @param concurrency the most tasks at once; 1 runs them in order on the calling thread
     * @param task runs task {@code i}; returns false to start no further task
     * @throws RuntimeException the first exception a task threw (later ones suppressed), after every task in flight
     *     finished
     */
    public static void run(int count, int concurrency, IntPredicate task) {
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count && !stop.get(); i = next.getAndIncrement()) {
                try {
                    if (!task.test(i)) {
                        stop.set(true);
                    }
                } catch (RuntimeException | Error e) {
                    failures.add(e);
                    stop.set(true);
                }
            }
        };
        int workers = Math.max(1, Math.min(concurrency, count));
        List<Future<?>> running = new ArrayList<>();
        Runnable carried = Operations.carry(worker);   // the requests of a worker are its caller's operation's
        for (int w = 1; w < workers; w++) {
            running.add(THREADS.submit(carried));
        }
        worker.run();
        boolean interrupted = false;
        for (Future<?> future : running) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;   // the tasks in flight must finish before their outcome can be reported
                } catch (ExecutionException e) {
                    failures.add(e.getCause());
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (!failures.isEmpty()) {
            Throwable first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            if (first instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) first;
        }
    }
}
