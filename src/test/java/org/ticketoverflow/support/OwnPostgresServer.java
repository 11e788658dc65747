package org.ticketoverflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own, in a temporary cluster on a free port, for tests that stop and start the
 * database (the shared server must never go down). Made with the binaries under
 * {@code /usr/lib/postgresql/<version>/bin}; {@link #binaries()} is empty where they are missing, and callers skip.
 * initdb refuses to run as root, so as root the cluster belongs to the {@code postgres} user and every command
 * runs through {@code runuser}.
 */
public final class OwnPostgresServer implements AutoCloseable {

    private static final Path INSTALLATIONS = Path.of("/usr/lib/postgresql");

    private final Path bin;
    private final Path directory;
    private final int port;
    private final boolean asPostgresUser;

    private OwnPostgresServer(Path bin, Path directory, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The newest installed server's bin directory, if any. */
    public static Optional<Path> binaries() {
        if (!Files.isDirectory(INSTALLATIONS)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(INSTALLATIONS)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin ->
                            Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Creates a new cluster (not yet running). */
    public static OwnPostgresServer create() throws IOException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("no PostgreSQL binaries"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path directory = Files.createTempDirectory("ticketoverflow-pg-");
        if (root) {
            UserPrincipal postgres =
                    directory.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(directory, postgres);
        }
        OwnPostgresServer server = new OwnPostgresServer(bin, directory, freePort(), root);
        server.run("initdb", "-D", server.data(), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
        return server;
    }

    public void start() {
        run(
                "pg_ctl",
                "-D",
                data(),
                "-l",
                directory.resolve("server.log").toString(),
                "-w",
                "-t",
                "60",
                "-o",
                "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start");
    }

    /** Stops the server the way an operator or a crash would: running sessions are cut off. */
    public void stop() {
        run("pg_ctl", "-D", data(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    /** Creates a database and returns its JDBC URL (user postgres, no password). */
    public String createDatabase(String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url("postgres"));
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
    }

    @Override
    public void close() throws IOException {
        try {
            run("pg_ctl", "-D", data(), "-m", "immediate", "-w", "stop");
        } catch (IllegalStateException alreadyStopped) {
            // nothing to stop
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private String data() {
        return directory.resolve("data").toString();
    }

    private void run(String program, String... args) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve(program + ".out").toFile())
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + Files.readString(directory.resolve(program + ".out")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
