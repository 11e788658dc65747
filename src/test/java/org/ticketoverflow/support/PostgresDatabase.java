package org.ticketoverflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A PostgreSQL database of its own for each test run, created on first use on the server named by
 * {@value #SERVER_URL_VARIABLE} and dropped when the JVM exits, so concurrent runs never collide.
 */
public final class PostgresDatabase {

    public static final String SERVER_URL_VARIABLE = "TICKETOVERFLOW_TEST_POSTGRES_URL";

    private static String databaseUrl;

    private PostgresDatabase() {}

    public static String serverUrl() {
        String url = System.getenv(SERVER_URL_VARIABLE);
        return url == null || url.isBlank() ? null : url;
    }

    /** The URL of this run's database, created on first call. */
    public static synchronized String url() {
        if (databaseUrl == null) {
            databaseUrl = createDatabase(
                    "ticketoverflow_test_" + ProcessHandle.current().pid() + "_"
                            + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24)));
        }
        return databaseUrl;
    }

    /** Creates another fresh database (e.g. for a test that runs several application processes). */
    public static String createDatabase(String name) {
        String server = serverUrl();
        if (server == null) {
            throw new IllegalStateException(SERVER_URL_VARIABLE + " is not set");
        }
        try (Connection connection = DriverManager.getConnection(server);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(server, name)));
        return replaceDatabase(server, name);
    }

    private static void drop(String server, String name) {
        try (Connection connection = DriverManager.getConnection(server);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // the server may be gone already; a leftover test database is harmless
        }
    }

    /** The user named in the server URL's query ({@code ?user=…}), else {@code postgres}. */
    public static String user() {
        String url = serverUrl();
        int at = url == null ? -1 : url.indexOf("user=");
        if (at < 0) {
            return "postgres";
        }
        int end = url.indexOf('&', at);
        return url.substring(at + "user=".length(), end < 0 ? url.length() : end);
    }

    static String replaceDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            if (serverUrl() == null) {
                return;
            }
            TestPropertyValues.of(
                            "spring.datasource.url=" + url(),
                            "spring.datasource.username=" + user(),
                            "spring.datasource.password=")
                    .applyTo(context);
        }
    }
}
