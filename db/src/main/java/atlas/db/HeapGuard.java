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

    /** Closes the Bolt connection of a stopped worker (its client would otherwise wait forever). */
    private final java.util.function.Consumer<String> closeConnection;

    private HeapGuard(double threshold, java.util.function.Consumer<String> closeConnection) {
        this.threshold = threshold;
        this.closeConnection = closeConnection;
    }

    /** closeConnection receives the client address ("127.0.0.1:54321") of the stopped worker. */
    static void install(double threshold, java.util.function.Consumer<String> closeConnection) {
        HeapGuard guard = new HeapGuard(threshold, closeConnection);
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
            if (!t.getName().contains("BoltWorker")) continue;
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
        // Never stop twice before the heap has been seen to recover.
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
        System.out.printf(java.time.Instant.now() + " HEAPGUARD heap %d MiB of %d MiB after GC; stopping %s (allocated %d MiB since last GC)%n",
            usedAfterGc >> 20, max >> 20, worst.getName(), worstDelta >> 20);
        System.out.flush();
        stop(worst);
        // The stopped worker cannot answer its client (Neo4j fails to encode the error),
        // so close that connection: the client then fails at once instead of hanging.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/([0-9.:\\[\\]a-f]+:\\d+)\\]").matcher(worst.getName());
        String client = m.find() ? m.group(1) : null;
        // Its garbage now sits in the old generation; reclaim it now rather than at the
        // next concurrent cycle, so the heap is seen to recover.
        Thread collect = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException ignored) {
                return;
            }
            if (client != null) {
                try {
                    closeConnection.accept(client);
                } catch (RuntimeException e) {
                    System.out.println("HEAPGUARD could not close the connection of " + client + ": " + e.getMessage());
                }
            }
            System.gc();
        }, "atlas-heap-guard-gc");
        collect.setDaemon(true);
        collect.start();
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread t) {
        try {
            t.stop();
        } catch (UnsupportedOperationException e) {
            System.out.println("HEAPGUARD this JVM cannot stop threads (Java 20+); the query runs on");
        }
    }
}
