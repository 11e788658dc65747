package org.ticketoverflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test against a PostgreSQL database made for this test run. Skipped, with a message saying how
 * to switch it on, unless {@code TICKETOVERFLOW_TEST_POSTGRES_URL} names a PostgreSQL server (as {@code .ci/run}
 * does).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailable.class)
@ContextConfiguration(initializers = PostgresDatabase.Initializer.class)
public @interface OnPostgres {}
