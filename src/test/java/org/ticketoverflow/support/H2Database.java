package org.ticketoverflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** An H2 file database in a fresh temporary directory, one per test JVM. */
public final class H2Database {

    private static final Path DIRECTORY = createDirectory();

    private H2Database() {}

    public static Path directory() {
        return DIRECTORY;
    }

    public static String url() {
        return "jdbc:h2:file:" + DIRECTORY.resolve("ticketoverflow") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private static Path createDirectory() {
        try {
            return Files.createTempDirectory("ticketoverflow-h2-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of(
                            "spring.datasource.url=" + url(),
                            "spring.datasource.username=sa",
                            "spring.datasource.password=")
                    .applyTo(context);
        }
    }
}
