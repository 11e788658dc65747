package org.ticketoverflow.deploy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.flywaydb.core.Flyway;
import org.ticketoverflow.support.PostgresDatabase;

/**
 * A fresh database migrated with the application's own Flyway scripts (src/main/resources/db/migration),
 * for running the SQL that lives outside the application, such as KEDA's queue-depth query.
 */
final class MigratedDatabase {

    static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

    enum Engine {
        H2,
        POSTGRESQL
    }

    private final String url;
    private final String user;

    private MigratedDatabase(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** Needs {@value PostgresDatabase#SERVER_URL_VARIABLE} for PostgreSQL; check {@link #available} first. */
    static MigratedDatabase create(Engine engine, Path directory) {
        MigratedDatabase database = switch (engine) {
            case H2 -> new MigratedDatabase("jdbc:h2:file:" + directory.resolve("keda"), "sa");
            case POSTGRESQL ->
                new MigratedDatabase(
                        PostgresDatabase.createDatabase("ticketoverflow_deploy_"
                                + ProcessHandle.current().pid() + "_"
                                + Integer.toHexString(
                                        ThreadLocalRandom.current().nextInt(1 << 24))),
                        PostgresDatabase.user());
        };
        Flyway.configure()
                .dataSource(database.url, database.user, "")
                .locations("filesystem:" + MIGRATIONS)
                .load()
                .migrate();
        return database;
    }

    static boolean available(Engine engine) {
        return engine == Engine.H2 || PostgresDatabase.serverUrl() != null;
    }

    boolean hasTable(String table) throws SQLException {
        try (Connection connection = connect()) {
            DatabaseMetaData metaData = connection.getMetaData();
            for (String name : List.of(table.toLowerCase(), table.toUpperCase())) {
                try (ResultSet tables = metaData.getTables(null, null, name, new String[] {"TABLE"})) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    long count(String query) throws SQLException {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(query);
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Inserts one row with the given column values, filling every other NOT NULL column that has no default
     * with a plain value of its type, so the row satisfies a schema this code has not seen.
     */
    void insert(String table, List<Column> given) throws SQLException {
        try (Connection connection = connect()) {
            List<Column> columns = new ArrayList<>(given);
            for (Column required : requiredColumns(connection, table)) {
                if (columns.stream().noneMatch(c -> c.name().equalsIgnoreCase(required.name()))) {
                    columns.add(required);
                }
            }
            String sql = "INSERT INTO " + table + " ("
                    + String.join(", ", columns.stream().map(Column::name).toList()) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < columns.size(); i++) {
                    statement.setObject(i + 1, columns.get(i).value());
                }
                statement.executeUpdate();
            }
        }
    }

    record Column(String name, Object value) {}

    private static List<Column> requiredColumns(Connection connection, String table) throws SQLException {
        List<Column> required = new ArrayList<>();
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : List.of(table.toLowerCase(), table.toUpperCase())) {
            try (ResultSet columns = metaData.getColumns(null, null, name, null)) {
                while (columns.next()) {
                    boolean optional = columns.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls
                            || columns.getString("COLUMN_DEF") != null
                            || "YES".equals(columns.getString("IS_AUTOINCREMENT"))
                            || "YES".equals(columns.getString("IS_GENERATEDCOLUMN"));
                    if (!optional) {
                        String column = columns.getString("COLUMN_NAME");
                        required.add(new Column(column, plainValue(column, columns.getInt("DATA_TYPE"))));
                    }
                }
            }
        }
        return required;
    }

    private static Object plainValue(String column, int type) {
        return switch (type) {
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.CLOB ->
                column.toLowerCase() + "-"
                        + Integer.toHexString(ThreadLocalRandom.current().nextInt());
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.BIGINT, Types.NUMERIC, Types.DECIMAL -> 0;
            case Types.BOOLEAN, Types.BIT -> false;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> OffsetDateTime.now();
            case Types.DATE -> LocalDate.now();
            default -> throw new IllegalStateException("no plain value for column " + column + " of SQL type " + type);
        };
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }
}
