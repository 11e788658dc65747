package org.ticketoverflow.jobs;

import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Listens for {@value #CHANNEL} notifications on a dedicated connection, so a job enqueued on any node wakes this
 * node's workers at once. The connection is taken from the pool for good (one fewer for everything else) and
 * taken again after any failure; a ring after every (re)connect covers notifications missed in between.
 *
 * <p>The PostgreSQL driver is a runtime-only dependency, so its {@code PGConnection#getNotifications(int)} is
 * called reflectively.
 */
final class PostgresWakeups implements SmartLifecycle {

    static final String CHANNEL = "ticketoverflow_jobs";

    private static final Logger log = LoggerFactory.getLogger(PostgresWakeups.class);
    private static final int RECEIVE_TIMEOUT_MILLIS = 500;
    private static final Duration VALIDATE_AFTER_SILENCE = Duration.ofSeconds(30);
    private static final Duration MAX_RECONNECT_PAUSE = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final Wakeup wakeup;
    private final boolean enabled;
    private volatile Thread listener;

    PostgresWakeups(DataSource dataSource, Wakeup wakeup, boolean enabled) {
        this.dataSource = dataSource;
        this.wakeup = wakeup;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        Thread started = Thread.ofPlatform().name("jobs-pg-listener").daemon().unstarted(this::listen);
        listener = started;
        started.start();
    }

    @Override
    public void stop() {
        Thread stopping = listener;
        listener = null;
        if (stopping != null) {
            stopping.interrupt();
            try {
                stopping.join(Duration.ofMillis(RECEIVE_TIMEOUT_MILLIS * 4L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return listener != null;
    }

    @Override
    public boolean isAutoStartup() {
        return enabled;
    }

    private void listen() {
        Duration pause = Duration.ofMillis(250);
        while (listening()) {
            Connection connection = null;
            try {
                connection = dataSource.getConnection();
                receive(connection);
            } catch (SQLException | ReflectiveOperationException | RuntimeException e) {
                discard(connection);
                connection = null;
                if (!listening()) {
                    return;
                }
                log.warn("Listening for job notifications failed; reconnecting in {}", pause, e);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(MAX_RECONNECT_PAUSE) > 0
                        ? MAX_RECONNECT_PAUSE
                        : pause.multipliedBy(2);
            } finally {
                JdbcUtils.closeConnection(connection);
            }
        }
    }

    /**
     * Keeps a failed connection out of the pool: it failed inside the driver, out of the pool's sight, so the pool
     * would otherwise hand the broken connection to the next caller.
     */
    private void discard(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                dataSource.unwrap(HikariDataSource.class).evictConnection(connection);
                return;
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("Could not evict the failed notification connection", e);
        }
        JdbcUtils.closeConnection(connection);
    }

    private void receive(Connection connection) throws SQLException, ReflectiveOperationException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        }
        Class<?> pgConnection =
                Class.forName("org.postgresql.PGConnection", true, getClass().getClassLoader());
        Object notifications = connection.unwrap(pgConnection);
        Method getNotifications = pgConnection.getMethod("getNotifications", int.class);
        wakeup.signal();
        long lastHeard = System.nanoTime();
        while (listening()) {
            Object[] received = invoke(getNotifications, notifications);
            if (received != null && received.length > 0) {
                wakeup.signal();
                lastHeard = System.nanoTime();
            } else if (System.nanoTime() - lastHeard > VALIDATE_AFTER_SILENCE.toNanos()) {
                if (!connection.isValid(5)) {
                    throw new SQLException("the notification connection is no longer valid");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    private static Object[] invoke(Method getNotifications, Object connection)
            throws SQLException, ReflectiveOperationException {
        try {
            return (Object[]) getNotifications.invoke(connection, RECEIVE_TIMEOUT_MILLIS);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException sqlException) {
                throw sqlException;
            }
            throw e;
        }
    }

    private boolean listening() {
        return listener == Thread.currentThread() && !Thread.currentThread().isInterrupted();
    }
}
