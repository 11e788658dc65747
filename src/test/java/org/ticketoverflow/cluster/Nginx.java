package org.ticketoverflow.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Debian's nginx as the load balancer in front of the api nodes: a master process of its own (not the system
 * service) with its configuration, logs and pid file in a temporary directory. {@link #route(List)} rewrites the
 * upstream and reloads, as an ingress controller does when a pod becomes ready or goes away, and returns only once
 * the workers of the old configuration have exited: from then on no request can reach a node that was removed.
 */
final class Nginx implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/nginx");
    private static final int WORKERS = 2;

    private final Path prefix;
    private final int port;
    private Process master;

    private Nginx(Path prefix, int port) {
        this.prefix = prefix;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts nginx balancing over the given api nodes. */
    static Nginx start(List<NodeProcess> upstreams) {
        try {
            Path prefix = Files.createTempDirectory("ticketoverflow-nginx-");
            // the worker processes run as an unprivileged user when the master runs as root
            Files.setPosixFilePermissions(prefix, PosixFilePermissions.fromString("rwxr-xr-x"));
            Nginx nginx = new Nginx(prefix, freePort());
            nginx.writeConfig(upstreams);
            nginx.master = new ProcessBuilder(
                            BINARY.toString(),
                            "-p",
                            prefix.toString(),
                            "-e",
                            nginx.errorLogPath(),
                            "-c",
                            nginx.config(),
                            "-g",
                            "daemon off;")
                    .redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("stdout.log").toFile())
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(nginx.master::destroyForcibly));
            await("nginx workers")
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> nginx.workers().size() == WORKERS);
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start nginx", e);
        }
    }

    /** Points the upstream at exactly these nodes; returns once the old configuration's workers are gone. */
    void route(List<NodeProcess> upstreams) {
        Set<Long> old = workers();
        writeConfig(upstreams);
        run(BINARY.toString(), "-p", prefix.toString(), "-e", errorLogPath(), "-c", config(), "-s", "reload");
        await("nginx reloaded")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> {
                    Set<Long> now = workers();
                    return now.size() == WORKERS && now.stream().noneMatch(old::contains);
                });
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Path accessLog() {
        return prefix.resolve("access.log");
    }

    String errorLog() {
        try {
            return Files.readString(Path.of(errorLogPath()));
        } catch (IOException e) {
            return "(no error log: " + e + ")";
        }
    }

    private Set<Long> workers() {
        return master.toHandle()
                .children()
                .filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }

    /** Given with -e too, so nginx never opens the system's /var/log/nginx/error.log before reading the config. */
    private String errorLogPath() {
        return prefix.resolve("error.log").toString();
    }

    private String config() {
        return prefix.resolve("nginx.conf").toString();
    }

    /** deploy/compose/nginx.conf with these nodes as the upstream, and an access log naming the upstream. */
    private void writeConfig(List<NodeProcess> upstreams) {
        String servers = upstreams.stream()
                .map(node -> "        server 127.0.0.1:%d max_fails=2 fail_timeout=10s;\n".formatted(node.port()))
                .collect(Collectors.joining());
        String config = """
                worker_processes %d;
                pid %s/nginx.pid;
                error_log %s/error.log notice;
                events {
                    worker_connections 1024;
                }
                http {
                    log_format upstream '$msec $upstream_addr $status $request_method $upstream_response_time';
                    access_log %s upstream;
                    upstream ticketoverflow_api {
                %s        keepalive 64;
                    }
                    server {
                        listen 127.0.0.1:%d;
                        location / {
                            proxy_pass http://ticketoverflow_api;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_set_header X-Forwarded-Host $http_host;
                            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                            proxy_next_upstream error timeout;
                            proxy_connect_timeout 2s;
                            proxy_read_timeout 60s;
                        }
                    }
                }
                """.formatted(WORKERS, prefix, prefix, accessLog(), servers, port);
        try {
            Files.writeString(prefix.resolve("nginx.conf"), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void run(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fast shutdown (SIGTERM to the master); the temporary directory stays for a look at the logs. */
    @Override
    public void close() {
        if (master != null) {
            master.destroy();
            try {
                master.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            master.destroyForcibly();
        }
    }
}
