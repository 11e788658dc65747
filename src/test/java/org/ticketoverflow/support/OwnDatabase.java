package org.ticketoverflow.support;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database for a node with settings of its own (one worker, a slow renderer, short leases): no other
 * node's workers may claim its jobs, or the test would measure them instead. The test may read and write its
 * tables directly, as an operator or a dead worker would.
 */
public record OwnDatabase(String url, String user, String password) {

    /** An in-memory H2 database, kept until {@link #discard()}. */
    public static OwnDatabase h2() {
        return new OwnDatabase("jdbc:h2:mem:own-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    /** A new database on the test PostgreSQL server, dropped when the JVM exits. */
    public static OwnDatabase postgres() {
        String name = "ticketoverflow_own_" + ProcessHandle.current().pid() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        return new OwnDatabase(PostgresDatabase.createDatabase(name), PostgresDatabase.user(), "");
    }

    /** Starts a node of the application on this database; see {@link AppInstance#start}. */
    public AppInstance start(String... properties) {
        return AppInstance.start(url, user, password, properties);
    }

    /** Plain connections, one per statement: enough for the few queries a test makes. */
    public JdbcClient jdbc() {
        return JdbcClient.create(new DriverManagerDataSource(url, user, password));
    }

    /** Frees an in-memory H2 database once its node is closed (PostgreSQL ones go at JVM exit). */
    public void discard() {
        if (url.startsWith("jdbc:h2:mem:")) {
            jdbc().sql("SHUTDOWN").update();
        }
    }
}
