package org.ticketoverflow.jobs;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Which database holds the queue; only the wake-up mechanism differs between H2 and PostgreSQL. */
record JobsDatabase(String productName) {

    static JobsDatabase of(DataSource dataSource) {
        try {
            return new JobsDatabase(
                    JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database holds the job queue", e);
        }
    }

    boolean postgres() {
        return "PostgreSQL".equalsIgnoreCase(productName);
    }
}
