package atlas.db;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops a Bolt worker thread that runs work Neo4j cannot interrupt (Community's
 * interpreted expressions check neither memory pools nor termination). Used by the heap
 * guard and by the timeout enforcer.
 *
 * The order matters: the worker is frozen at once so it allocates nothing more, its Bolt
 * connection is closed, and only then is it stopped. Stopped first, a worker can still
 * report its query as a success with no rows before the connection closes; this way its
 * client only ever sees the connection fail. The close runs on a thread of its own with
 * a deadline, in case it needs something the frozen worker holds.
 */
final class WorkerStopper {
    private static final long CLOSE_DEADLINE_MS = 3_000;
    /** Bolt worker names end in "[bolt-N - /127.0.0.1:54321]". */
    private static final Pattern CLIENT = Pattern.compile("/([0-9.:\\[\\]a-f]+:\\d+)\\]");

    private final Consumer<String> closeConnection;

    /** closeConnection receives the client address ("127.0.0.1:54321") of a worker. */
    WorkerStopper(Consumer<String> closeConnection) {
        this.closeConnection = closeConnection;
    }

    static boolean isBoltWorker(Thread t) {
        return t.getName().contains("BoltWorker");
    }

    /** Freezes, disconnects and stops the worker; then collects the garbage it leaves. */
    void stop(Thread worker, String why) {
        System.out.println(java.time.Instant.now() + " " + why + "; stopping " + worker.getName());
        System.out.flush();
        suspend(worker);
        Matcher m = CLIENT.matcher(worker.getName());
        if (m.find()) closeWithDeadline(m.group(1));
        stopThread(worker);
        resume(worker);
        Thread collect = new Thread(System::gc, "atlas-worker-stopper-gc");
        collect.setDaemon(true);
        collect.start();
    }

    private void closeWithDeadline(String client) {
        Thread closer = new Thread(() -> {
            try {
                closeConnection.accept(client);
            } catch (RuntimeException e) {
                System.out.println("could not close the connection of " + client + ": " + e.getMessage());
            }
        }, "atlas-worker-stopper-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(CLOSE_DEADLINE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            System.out.println("closing the connection of " + client + " took over " + CLOSE_DEADLINE_MS + " ms; stopping the worker anyway");
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void suspend(Thread t) {
        try {
            t.suspend();
        } catch (UnsupportedOperationException e) {
            // Java 20+: nothing to freeze; stopThread() says that it cannot stop either.
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void resume(Thread t) {
        try {
            t.resume();
        } catch (UnsupportedOperationException e) {
            // Java 20+: see suspend().
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stopThread(Thread t) {
        try {
            t.stop();
        } catch (UnsupportedOperationException e) {
            System.out.println("this JVM cannot stop threads (Java 20+); the query runs on");
        }
    }
}
