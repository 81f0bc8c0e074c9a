package atlas.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.impl.api.KernelTransactions;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community embedded with only a Bolt connector on loopback, so the
 * application talks to it with neo4j-driver exactly as it would to a server.
 *
 * Usage: AtlasNeo4j <homeDir> <boltPort> <passwordFile> [setting=value ...]
 * Settings given on the command line (db/launcher.ts sizes the memory pools from the
 * heap) override the defaults below. Authentication is on: the password of user neo4j is
 * read from passwordFile (never from the command line, which other users can read) and
 * set in the system database before READY is printed.
 *
 * Prints one line "READY bolt://127.0.0.1:PORT" once Bolt accepts connections, and
 * shuts the database down on SIGTERM/SIGINT, halting if that takes too long. Failures
 * are printed as one line starting with "ERROR ".
 */
public final class AtlasNeo4j {
    /** A clean shutdown that takes longer than this is cut short (db/launcher.ts waits longer). */
    private static final long SHUTDOWN_GRACE_SECONDS = 20;

    private AtlasNeo4j() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 3) {
            System.err.println("usage: AtlasNeo4j <homeDir> <boltPort> <passwordFile> [setting=value ...]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Path passwordFile = Path.of(args[2]).toAbsolutePath();
        Map<String, String> config = defaults(port);
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) fail("setting \"" + args[i] + "\" is not of the form name=value", 2);
            config.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }

        DatabaseManagementService dbms;
        try {
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).trim();
            if (password.length() < 8) fail("password file " + passwordFile + " holds no usable password", 2);
            dbms = build(home, config);
            ensurePassword(dbms, home, password);
            DatabaseManagementService running = dbms;
            WorkerStopper stopper = new WorkerStopper(client ->
                // dbms.* procedures run from any database; the system database refuses WHERE.
                running.database("neo4j").executeTransactionally(
                    "CALL dbms.listConnections() YIELD connectionId, clientAddress WHERE clientAddress = $client "
                        + "CALL dbms.killConnection(connectionId) YIELD message RETURN message",
                    Map.of("client", client)));
            HeapGuard.install(Double.parseDouble(System.getProperty("atlas.heapGuard", "0.55")), stopper);
            TimeoutEnforcer.install(() -> ((GraphDatabaseAPI) running.database("neo4j"))
                .getDependencyResolver().resolveDependency(KernelTransactions.class), stopper);
        } catch (Exception e) {
            fail(oneLine(e, home), 3);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING");
            System.out.flush();
            // A query stuck in a long expression may not notice termination; never hang here.
            Thread watchdog = new Thread(() -> {
                try {
                    Thread.sleep(TimeUnit.SECONDS.toMillis(SHUTDOWN_GRACE_SECONDS));
                    System.out.println("ERROR clean shutdown took over " + SHUTDOWN_GRACE_SECONDS + "s; halting");
                    System.out.flush();
                    Runtime.getRuntime().halt(4);
                } catch (InterruptedException ignored) {
                    // shutdown finished in time
                }
            }, "atlas-neo4j-shutdown-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            dbms.shutdown();
            watchdog.interrupt();
            System.out.println("STOPPED");
            System.out.flush();
            stopped.countDown();
        }, "atlas-neo4j-shutdown"));

        // build() returns once the connectors are listening.
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    private static Map<String, String> defaults(int port) {
        // Setting names as in neo4j.conf keep this class independent of where settings
        // live in Neo4j's Java API across 5.x patch releases.
        return new TreeMap<>(Map.ofEntries(
            Map.entry("server.bolt.enabled", "true"),
            Map.entry("server.bolt.listen_address", "127.0.0.1:" + port),
            Map.entry("server.bolt.tls_level", "DISABLED"),
            // Other local users must not be able to write: a generated password (see above).
            Map.entry("dbms.security.auth_enabled", "true"),
            // Reading local files through LOAD CSV would let Cypher read the disk.
            Map.entry("dbms.security.allow_csv_import_from_file_urls", "false"),
            Map.entry("db.transaction.timeout", "60s"),
            Map.entry("server.memory.pagecache.size", "256m"),
            Map.entry("db.tx_log.rotation.retention_policy", "2 files"),
            Map.entry("dbms.usage_report.enabled", "false")
        ));
    }

    private static DatabaseManagementService build(Path home, Map<String, String> config) throws IOException {
        Path conf = home.resolve("conf/atlas.conf");
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, config.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n", "", "\n")));
        return new DatabaseManagementServiceBuilder(home).loadPropertiesFromFile(conf).build();
    }

    /**
     * Sets neo4j's password when the store has not had this one yet (first start, or a
     * new password file), through the embedded API before READY is printed. Until then
     * only the default neo4j/neo4j login exists, and it can do nothing but change its
     * password (which this then overrides). A marker holding the password's hash makes
     * later starts skip it.
     */
    private static void ensurePassword(DatabaseManagementService dbms, Path home, String password) throws IOException {
        Path marker = home.resolve("data/dbms/atlas-password.sha256");
        String digest = sha256(password);
        if (Files.isRegularFile(marker) && Files.readString(marker).trim().equals(digest)) return;
        dbms.database("system").executeTransactionally(
            "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        Files.createDirectories(marker.getParent());
        Files.writeString(marker, digest + "\n");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Neo4j wraps a locked store in several layers; the user needs one line. */
    private static String oneLine(Throwable e, Path home) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String msg = String.valueOf(t.getMessage());
            if (name.contains("FileLockException") || msg.contains("locked by another process")) {
                return "data directory " + home + " is in use by another Neo4j process (store lock held)";
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return "Neo4j failed to start: " + e.getClass().getSimpleName() + ": " + e.getMessage()
            + (root != e ? " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
    }

    private static void fail(String message, int code) {
        System.out.println("ERROR " + message.replace('\n', ' '));
        System.out.flush();
        System.exit(code);
    }
}
