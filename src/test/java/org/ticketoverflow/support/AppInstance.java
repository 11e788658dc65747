package org.ticketoverflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.ticketoverflow.TicketOverflowApplication;

/**
 * Another node of the application in this JVM, on a random port: for scenarios with several nodes, a node with
 * different settings, or a node whose database goes away. Close it, or its connections stay open.
 */
public final class AppInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final ApiClient api;

    private AppInstance(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.api = new ApiClient("http://localhost:" + port);
    }

    /**
     * Starts a node on the given database. Settings go in as command-line arguments because those outrank
     * application.yaml and the environment.
     */
    public static AppInstance start(String databaseUrl, String user, String password, String... properties) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--spring.datasource.hikari.minimum-idle=1",
                "--ticketoverflow.data-dir=" + temporaryDirectory()));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new AppInstance(
                new SpringApplicationBuilder(TicketOverflowApplication.class).run(args.toArray(String[]::new)));
    }

    /** A node on an in-memory H2 database of its own (for a node whose data does not matter). */
    public static AppInstance startOnOwnH2(String... properties) {
        return start("jdbc:h2:mem:node-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", properties);
    }

    public ApiClient api() {
        return api;
    }

    @Override
    public void close() {
        context.close();
    }

    private static String temporaryDirectory() {
        try {
            return Files.createTempDirectory("ticketoverflow-node-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
