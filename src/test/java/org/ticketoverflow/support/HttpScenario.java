package org.ticketoverflow.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * The base of every scenario that talks to the running application over HTTP. Every subclass must keep exactly
 * this configuration (plus {@link OnH2} or {@link OnPostgres}) so that all of them share ONE application per
 * database; scenarios therefore never assume an empty database and make their own concerts.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.hikari.minimum-idle=2", "logging.level.org.ticketoverflow.requests=WARN"})
public abstract class HttpScenario {

    @LocalServerPort
    private int port;

    @Autowired
    private Environment environment;

    protected ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient("http://localhost:" + port);
    }

    /** Starts another node of the application on this scenario's database. */
    protected AppInstance startNodeOnSameDatabase(String... properties) {
        return AppInstance.start(
                environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""),
                properties);
    }
}
