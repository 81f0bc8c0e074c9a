package atlas.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.CountDownLatch;

import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community embedded with only a Bolt connector on loopback, so the
 * application talks to it with neo4j-driver exactly as it would to a server.
 *
 * Usage: AtlasNeo4j <homeDir> <boltPort>
 * Prints one line "READY bolt://127.0.0.1:PORT" once Bolt accepts connections,
 * and shuts the database down cleanly on SIGTERM/SIGINT.
 */
public final class AtlasNeo4j {
    private AtlasNeo4j() {}

    public static void main(String[] args) throws InterruptedException, IOException {
        if (args.length != 2) {
            System.err.println("usage: AtlasNeo4j <homeDir> <boltPort>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);

        // Setting names as in neo4j.conf keep this class independent of where settings
        // live in Neo4j's Java API across 5.x patch releases.
        Map<String, String> config = Map.ofEntries(
            Map.entry("server.bolt.enabled", "true"),
            Map.entry("server.bolt.listen_address", "127.0.0.1:" + port),
            Map.entry("server.bolt.tls_level", "DISABLED"),
            // Bound to loopback only; a local developer database needs no password.
            Map.entry("dbms.security.auth_enabled", "false"),
            // Reading local files through LOAD CSV would let Cypher read the disk.
            Map.entry("dbms.security.allow_csv_import_from_file_urls", "false"),
            Map.entry("db.transaction.timeout", "60s"),
            Map.entry("db.memory.transaction.max", "512m"),
            Map.entry("dbms.memory.transaction.total.max", "1g"),
            // 2 cores / 24 GiB shared with Node, Vite and Chromium: keep Neo4j modest.
            Map.entry("server.memory.pagecache.size", "256m"),
            Map.entry("db.tx_log.rotation.retention_policy", "2 files"),
            Map.entry("dbms.usage_report.enabled", "false")
        );

        Path conf = home.resolve("conf/atlas.conf");
        Files.createDirectories(conf.getParent());
        Files.writeString(conf, config.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .sorted()
            .collect(Collectors.joining("\n", "", "\n")));

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
            .loadPropertiesFromFile(conf)
            .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING");
            dbms.shutdown();
            System.out.println("STOPPED");
            stopped.countDown();
        }, "atlas-neo4j-shutdown"));

        // build() returns once the connectors are listening.
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }
}
