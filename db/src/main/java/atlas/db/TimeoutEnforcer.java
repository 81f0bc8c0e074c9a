package atlas.db;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.neo4j.kernel.api.KernelTransactionHandle;
import org.neo4j.kernel.api.query.ExecutingQuery;
import org.neo4j.kernel.impl.api.KernelTransactions;

/**
 * Makes the transaction timeout (and TERMINATE TRANSACTION) hold for queries that never
 * look at it. Neo4j marks a transaction for termination when it times out, and its
 * operators check that mark; an interpreted expression (reduce over a huge range, say)
 * does not, and runs on for minutes. Once a second this looks for transactions that were
 * marked more than a grace period ago and still have a query running on a Bolt worker,
 * and stops that worker (see WorkerStopper).
 */
final class TimeoutEnforcer {
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private TimeoutEnforcer() {}

    static void install(Supplier<KernelTransactions> transactions, WorkerStopper stopper) {
        Thread watch = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1_000);
                    check(transactions.get(), stopper);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // The database may be starting or stopping: try again next second.
                }
            }
        }, "atlas-timeout-enforcer");
        watch.setDaemon(true);
        watch.start();
    }

    private static void check(KernelTransactions transactions, WorkerStopper stopper) {
        long now = System.nanoTime();
        Map<String, Thread> workers = null;
        for (KernelTransactionHandle tx : transactions.activeTransactions()) {
            var mark = tx.terminationMark();
            if (mark.isEmpty() || now - mark.get().getTimestampNanos() < GRACE_NANOS) continue;
            if (tx.isClosing() || tx.isCommitting()) continue;
            var query = tx.executingQuery();
            if (query.isEmpty()) continue;
            ExecutingQuery q = query.get();
            if (workers == null) workers = boltWorkersByName();
            Thread worker = workers.get(q.threadExecutingTheQueryName());
            if (worker == null) continue;
            long sinceMark = TimeUnit.NANOSECONDS.toSeconds(now - mark.get().getTimestampNanos());
            stopper.stop(worker, "TIMEOUT-ENFORCER query " + q.id() + " still runs " + sinceMark
                + " s after its transaction was terminated (" + mark.get().getReason().code().description() + ")");
            workers.remove(worker.getName());
        }
    }

    private static Map<String, Thread> boltWorkersByName() {
        Map<String, Thread> byName = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (WorkerStopper.isBoltWorker(t)) byName.put(t.getName(), t);
        }
        return byName;
    }
}
