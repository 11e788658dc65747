package org.ticketoverflow.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts TicketOverflow nodes of one role or the other against one shared database, with short job leases so a
 * crashed worker's jobs come back within seconds, and a render cost that makes each ticket take a noticeable
 * fraction of a second, so that kills land while jobs are running.
 */
final class Cluster implements AutoCloseable {

    /**
     * bcrypt cost burnt per render: 0.5–0.8 s per ticket with four renders at once on the 2-core CI machine (ClusterIT
     * prints the mean); 12 took 3.5 s there under load, which made the suite too slow.
     */
    static final String RENDER_COST = "11";

    static final Duration LEASE = Duration.ofSeconds(4);
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    /** Four JVMs starting at once on two busy cores took up to two minutes. */
    static final Duration STARTUP = Duration.ofSeconds(240);

    private static final Path TARGET = Path.of("target");

    private final String databaseUrl;
    private final String databaseUser;
    private final Path jar;
    private final Path work;
    private final List<NodeProcess> nodes = new ArrayList<>();

    Cluster(String databaseUrl, String databaseUser) {
        this.databaseUrl = databaseUrl;
        this.databaseUser = databaseUser;
        this.jar = findJar();
        try {
            this.work = Files.createTempDirectory("ticketoverflow-cluster-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Launches a node without waiting for it; pair with {@link NodeProcess#awaitReady(Duration)}. */
    NodeProcess launch(String name, String role) {
        return launch(name, role, Map.of());
    }

    /** Launches a node with settings of its own on top of (and overriding) the cluster's. */
    NodeProcess launch(String name, String role, Map<String, String> overrides) {
        Path dataDirectory = work.resolve(name);
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("TICKETOVERFLOW_DATABASE_URL", databaseUrl);
        settings.put("TICKETOVERFLOW_DATABASE_USER", databaseUser);
        settings.put("TICKETOVERFLOW_DATABASE_PASSWORD", "");
        settings.put("TICKETOVERFLOW_ROLES", role);
        settings.put("TICKETOVERFLOW_DATA_DIR", dataDirectory.toString());
        settings.put("TICKETOVERFLOW_WORKER_CONCURRENCY", "2");
        settings.put("TICKETOVERFLOW_RENDER_COST", RENDER_COST);
        settings.put("TICKETOVERFLOW_JOBS_LEASE", LEASE.toSeconds() + "s");
        settings.put("TICKETOVERFLOW_JOBS_HEARTBEAT", "1s");
        settings.put("TICKETOVERFLOW_JOBS_SWEEP_INTERVAL", "1s");
        settings.put("TICKETOVERFLOW_JOBS_SHUTDOWN_GRACE", SHUTDOWN_GRACE.toSeconds() + "s");
        // five nodes share one PostgreSQL server (max_connections 100) with other test runs
        settings.put("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", "8");
        settings.putAll(overrides);
        NodeProcess node =
                NodeProcess.start(name, jar, freePort(), dataDirectory, TARGET.resolve("cluster-logs"), settings);
        nodes.add(node);
        return node;
    }

    NodeProcess start(String name, String role) {
        return launch(name, role).awaitReady(STARTUP);
    }

    /** The repackaged jar {@code package} built: named by failsafe's {@code cluster.jar}, else found in target/. */
    private static Path findJar() {
        String configured = System.getProperty("cluster.jar");
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath();
        }
        try (Stream<Path> files = Files.list(TARGET)) {
            return files.filter(file -> file.getFileName().toString().matches("ticketoverflow-.*\\.jar"))
                    .filter(file -> !file.getFileName().toString().endsWith("-sources.jar"))
                    .findFirst()
                    .map(Path::toAbsolutePath)
                    .orElseThrow(() -> new IllegalStateException("no ticketoverflow-*.jar in target/: run "
                            + "`./mvnw verify` (the jar is built in the package phase, before this test)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every node still running: SIGTERM to all at once, then waits, so shutdowns overlap. */
    @Override
    public void close() {
        nodes.stream().filter(NodeProcess::isAlive).forEach(NodeProcess::requestStop);
        nodes.forEach(node -> node.awaitStopped(SHUTDOWN_GRACE.plusSeconds(20)));
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}
