package atlas.db;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Last line of defence against one query exhausting the heap. Neo4j's memory pools only
 * see what its operators account for; an expression such as a list comprehension over
 * range(1, 100000000) is built by Community's interpreted runtime without any accounting
 * or termination check, so neither db.memory.transaction.max nor the transaction timeout
 * stops it, and the JVM thrashes towards OutOfMemoryError for minutes.
 *
 * After every garbage collection this checks how full the heap still is. Above the
 * threshold, the Bolt worker thread that allocated the most since the last check is the
 * runaway query, and it is stopped (the client's transaction fails, its memory is freed).
 *
 * A young collection counts old-generation garbage as used: a bulk load that churns
 * through the heap looks like a runaway query after one. So a young collection above the
 * threshold only names a suspect and asks for a full collection; the suspect is stopped
 * only if the heap is still above the threshold after that. A worker that is committing
 * is never stopped: killing it there leaves the database needing a restart.
 */
final class HeapGuard {
    private static final long MIN_RUNAWAY_BYTES = 4L << 20;
    /** Eden, survivor and old generation: metaspace and code cache are not the heap. */
    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
        .map(java.lang.management.MemoryPoolMXBean::getName)
        .collect(java.util.stream.Collectors.toSet());
    private final double threshold;
    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> allocatedAtLastCheck = new HashMap<>();
    /** Set after a stop until a collection shows the heap back under the threshold. */
    private boolean recovering;
    /** The worker that allocated most when a young collection left the heap above the threshold. */
    private Thread suspect;

    private final WorkerStopper stopper;

    private HeapGuard(double threshold, WorkerStopper stopper) {
        this.threshold = threshold;
        this.stopper = stopper;
    }

    static void install(double threshold, WorkerStopper stopper) {
        HeapGuard guard = new HeapGuard(threshold, stopper);
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (!(gc instanceof NotificationEmitter emitter)) continue;
            emitter.addNotificationListener((notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) return;
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = 0;
                for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                    if (HEAP_POOLS.contains(pool.getKey())) used += pool.getValue().getUsed();
                }
                guard.afterGc(used, info.getGcAction().contains("major"));
            }, null, null);
        }
    }

    private synchronized void afterGc(long usedAfterGc, boolean full) {
        long max = Runtime.getRuntime().maxMemory();
        Thread worst = null;
        long worstDelta = 0;
        Map<Long, Long> now = new HashMap<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!WorkerStopper.isBoltWorker(t)) continue;
            long allocated = threads.getThreadAllocatedBytes(t.getId());
            now.put(t.getId(), allocated);
            long delta = allocated - allocatedAtLastCheck.getOrDefault(t.getId(), allocated);
            if (delta > worstDelta) {
                worstDelta = delta;
                worst = t;
            }
        }
        allocatedAtLastCheck.clear();
        allocatedAtLastCheck.putAll(now);
        if (usedAfterGc < threshold * max) {
            recovering = false;
            suspect = null;
            return;
        }
        // Never stop twice before the heap has been seen to recover.
        if (recovering) return;
        if (!full) {
            // An idle or ordinary worker allocates little between collections; the runaway
            // one allocates most of the young generation. Confirm with a full collection.
            if (suspect == null && worst != null && worstDelta >= MIN_RUNAWAY_BYTES) {
                suspect = worst;
                Thread confirm = new Thread(System::gc, "atlas-heap-guard-confirm");
                confirm.setDaemon(true);
                confirm.start();
            }
            return;
        }
        if (suspect != null && suspect.isAlive()) {
            worst = suspect;
            worstDelta = Math.max(worstDelta, MIN_RUNAWAY_BYTES);
        }
        suspect = null;
        if (worst == null || worstDelta < MIN_RUNAWAY_BYTES) return;
        for (StackTraceElement frame : worst.getStackTrace()) {
            if (frame.getMethodName().toLowerCase().contains("commit")) {
                System.out.printf(java.time.Instant.now() + " HEAPGUARD heap %d MiB of %d MiB after a full GC; %s is committing, not stopped%n",
                    usedAfterGc >> 20, max >> 20, worst.getName());
                System.out.flush();
                return;
            }
        }
        recovering = true;
        stopper.stop(worst, String.format("HEAPGUARD heap %d MiB of %d MiB after a full GC, worker allocated %d MiB since the last collection", usedAfterGc >> 20, max >> 20, worstDelta >> 20));
    }
}
