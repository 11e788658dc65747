package org.ticketoverflow.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One TicketOverflow node: the built jar running in a JVM of its own, as production runs it, logging to
 * {@code target/cluster-logs/<name>.log}. {@link #kill9()} is a crash (SIGKILL: no shutdown hook, no goodbye to
 * the database); {@link #terminate(Duration)} is what Kubernetes does on scale-in (SIGTERM, then wait).
 *
 * <p>Hazard: a node left running outlives the test JVM and keeps its port and database connections; every node is
 * force-killed by a shutdown hook should the test JVM exit without stopping it.
 */
final class NodeProcess {

    private static final HttpClient PROBE = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private NodeProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code java -jar <jar>} with exactly the given TicketOverflow settings (inherited ones are dropped). */
    static NodeProcess start(
            String name, Path jar, int port, Path workingDirectory, Path logDirectory, Map<String, String> settings) {
        try {
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve(name + ".log");
            Files.writeString(log, "=== " + name + ": " + settings + System.lineSeparator());
            ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-jar", jar.toString())
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment()
                    .keySet()
                    .removeIf(key -> key.startsWith("TICKETOVERFLOW_")
                            || key.startsWith("SPRING_")
                            || key.startsWith("SERVER_")
                            || key.startsWith("MANAGEMENT_")
                            || key.equals("JAVA_TOOL_OPTIONS"));
            builder.environment().putAll(settings);
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            return new NodeProcess(name, port, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node " + name, e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the node reports ready (database reachable, context started); fails early if it died. */
    NodeProcess awaitReady(Duration timeout) {
        await("node " + name + " ready")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("node " + name + " exited with " + process.exitValue()
                                + " before it was ready; its log ends:\n" + logTail(40));
                    }
                    return readinessStatus() == 200;
                });
        return this;
    }

    private int readinessStatus() {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            return PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGKILL: the node dies on the spot, mid-request and mid-job. Returns its exit code (137). */
    int kill9() {
        process.destroyForcibly();
        return awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, then waits for the node to exit by itself. Returns its exit code; fails if it outlives the timeout. */
    int terminate(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    private int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("node " + name + " did not exit within " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted while waiting for node " + name + " to exit", e);
        }
    }

    /** Asks every node to stop (SIGTERM) without waiting; see {@link #awaitStopped(Duration)}. */
    void requestStop() {
        process.destroy();
    }

    /** Waits for a node asked to stop; a node that hangs is killed. */
    void awaitStopped(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logTail(int lines) {
        List<String> all = log().lines().toList();
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ")";
    }
}
