package org.ticketoverflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md's configuration reference lists exactly the settings the application binds: every property of
 * its {@code @ConfigurationProperties} records, every {@code ${ticketoverflow.…}} placeholder its code reads
 * ({@code @Value}, {@code @Scheduled}), every {@code ticketoverflow.*} key and {@code TICKETOVERFLOW_*} placeholder of
 * application.yaml, each under its environment variable. A new setting without a row fails here, by name.
 */
class ConfigurationReferenceTests {

    private static final Path REFERENCE = Path.of("docs", "operations.md");
    private static final Path MAIN_SOURCES = Path.of("src", "main", "java");
    private static final Pattern CODE_PLACEHOLDER = Pattern.compile("\\$\\{(ticketoverflow\\.[a-z0-9.-]+)[:}]");
    private static final Pattern YAML_PLACEHOLDER = Pattern.compile("\\$\\{(TICKETOVERFLOW_[A-Z0-9_]+)");

    @Test
    void documentsEverySettingTheApplicationBinds() {
        Set<String> documented = documented();

        Map<String, String> missing = new TreeMap<>(bound());
        missing.keySet().removeAll(documented);

        assertThat(missing)
                .as(
                        "settings the application binds but %s's configuration reference has no row for "
                                + "(variable=where it is read); add a row | `VARIABLE` | default | meaning |",
                        REFERENCE)
                .isEmpty();
    }

    @Test
    void documentsNoSettingTheApplicationDoesNotBind() {
        Set<String> extra = new TreeSet<>(ApplicationSettings.documentedVariables()); // README.md's table too
        extra.removeIf(variable -> !variable.startsWith("TICKETOVERFLOW_"));
        extra.removeAll(bound().keySet());

        assertThat(extra)
                .as(
                        "%s documents these TICKETOVERFLOW_* variables, but nothing in the application binds them",
                        REFERENCE)
                .isEmpty();
    }

    @Test
    void findsTheSettingsOfEverySource() {
        assertThat(bound())
                .containsKeys(
                        "TICKETOVERFLOW_JOBS_POLL", // a @ConfigurationProperties record
                        "TICKETOVERFLOW_HEALTH_PROBE_INTERVAL", // a @Scheduled placeholder
                        "TICKETOVERFLOW_DATABASE_URL", // an application.yaml placeholder
                        "TICKETOVERFLOW_DATA_DIR"); // an application.yaml key
    }

    /** Each bound setting's environment variable, with where it is read. */
    private static Map<String, String> bound() {
        Map<String, String> bound = new TreeMap<>();
        ApplicationSettings.configurationPropertiesNames().stream()
                .filter(name -> name.startsWith("ticketoverflow."))
                .forEach(name -> bound.put(variable(name), name + " (@ConfigurationProperties)"));
        try (Stream<Path> sources = Files.walk(MAIN_SOURCES)) {
            sources.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                Matcher placeholder = CODE_PLACEHOLDER.matcher(RepositoryFiles.text(file));
                while (placeholder.find()) {
                    bound.putIfAbsent(variable(placeholder.group(1)), placeholder.group(1) + " (" + file + ")");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String yaml = RepositoryFiles.text(ApplicationSettings.APPLICATION_YAML);
        Matcher placeholder = YAML_PLACEHOLDER.matcher(yaml);
        while (placeholder.find()) {
            bound.putIfAbsent(placeholder.group(1), "application.yaml placeholder");
        }
        ApplicationSettings settings = ApplicationSettings.load();
        settings.propertyNames().stream()
                .filter(name -> name.startsWith("ticketoverflow."))
                .forEach(name -> bound.putIfAbsent(variable(name), name + " (application.yaml)"));
        return bound;
    }

    private static Set<String> documented() {
        return ApplicationSettings.configurationTableVariables(RepositoryFiles.text(REFERENCE));
    }

    /** The variable relaxed binding reads for a property: ticketoverflow.jobs.sweep-interval is …_JOBS_SWEEP_INTERVAL. */
    private static String variable(String property) {
        return property.toUpperCase().replace('.', '_').replace('-', '_');
    }
}
