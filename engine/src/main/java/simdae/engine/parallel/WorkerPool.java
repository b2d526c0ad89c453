package simdae.engine.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of worker threads for short, frequent parallel sections (a dense layer takes microseconds).
 *
 * <p>Workers spin briefly after each section so the next hand-off costs well under a microsecond, then park so an
 * idle pool costs nothing and a busy machine is not starved (pure spinning collapses when another process takes a
 * core). The calling thread always runs part 0 itself. Not reentrant: one section at a time, from one caller at a time
 * (calls are serialised by a lock).
 */
public final class WorkerPool implements AutoCloseable {

    /** One part of a parallel section. */
    @FunctionalInterface
    public interface Task {
        /**
         * Runs part {@code part} of {@code parts}.
         *
         * @param part index in {@code [0, parts)}
         * @param parts number of parts
         */
        void run(int part, int parts);
    }

    private static final long SPIN_NANOS = 200_000;

    private final int threads;
    private final Worker[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private final Object lock = new Object();
    private volatile Task task;
    private volatile int generation;
    private volatile boolean closed;
    private volatile Throwable failure;

    /** A pool running sections on {@code threads} threads (the caller plus {@code threads - 1} workers). */
    public WorkerPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        this.threads = threads;
        workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
            workers[i].thread.start();
        }
    }

    /** Number of parts each section is split into. */
    public int threads() {
        return threads;
    }

    /** Runs {@code t} on every thread and returns when all parts are done; rethrows the first failure. */
    public void run(Task t) {
        synchronized (lock) {
            if (closed) throw new IllegalStateException("pool is closed");
            if (threads == 1) {
                t.run(0, 1);
                return;
            }
            failure = null;
            task = t;
            pending.set(workers.length);
            generation++;
            for (Worker w : workers) {
                if (w.sleeping) LockSupport.unpark(w.thread);
            }
            Throwable mine = null;
            try {
                t.run(0, threads);
            } catch (Throwable e) {
                mine = e;
            }
            int spins = 0;
            while (pending.get() != 0) {
                if (++spins < 20_000) Thread.onSpinWait();
                else Thread.yield();
            }
            task = null;
            Throwable f = mine != null ? mine : failure;
            if (f instanceof RuntimeException) throw (RuntimeException) f;
            if (f instanceof Error) throw (Error) f;
            if (f != null) throw new RuntimeException(f);
        }
    }

    /** Stops the workers. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            generation++;
            for (Worker w : workers) LockSupport.unpark(w.thread);
        }
    }

    /** The range {@code [start, end)} of part {@code part} when {@code n} items are split into {@code parts}, aligned to {@code align}. */
    public static int splitStart(int n, int part, int parts, int align) {
        if (part <= 0) return 0;
        if (part >= parts) return n;
        long s = (long) n * part / parts;
        s = (s + align - 1) / align * align;
        return (int) Math.min(s, n);
    }

    private final class Worker implements Runnable {
        final int index;
        final Thread thread;
        volatile boolean sleeping;

        Worker(int index) {
            this.index = index;
            thread = new Thread(this, "simdae-worker-" + index);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            int seen = 0;
            while (true) {
                int g;
                long spinStart = System.nanoTime();
                int spins = 0;
                while ((g = generation) == seen) {
                    if ((++spins & 63) != 0 || System.nanoTime() - spinStart < SPIN_NANOS) {
                        Thread.onSpinWait();
                    } else {
                        sleeping = true;
                        if (generation == seen) LockSupport.park(this);
                        sleeping = false;
                        spinStart = System.nanoTime();
                    }
                }
                seen = g;
                if (closed) return;
                Task t = task;
                try {
                    if (t != null) t.run(index, threads);
                } catch (Throwable e) {
                    failure = e;
                } finally {
                    pending.decrementAndGet();
                }
            }
        }
    }
}
