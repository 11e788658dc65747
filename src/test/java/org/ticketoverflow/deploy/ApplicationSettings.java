package org.ticketoverflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * What the application says about its own settings, read from its sources rather than restated: the
 * properties of src/main/resources/application.yaml (through Spring's own YAML loader), the environment
 * variables it names in placeholders, the properties of its {@code @ConfigurationProperties} records, and
 * the variables its documentation's configuration tables list.
 */
final class ApplicationSettings {

    static final Path APPLICATION_YAML = Path.of("src", "main", "resources", "application.yaml");
    static final List<Path> CONFIGURATION_DOCS = List.of(Path.of("README.md"), Path.of("docs", "operations.md"));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern DOCUMENTED_VARIABLE = Pattern.compile("`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)`");

    private final Map<String, String> properties;

    private ApplicationSettings(Map<String, String> properties) {
        this.properties = properties;
    }

    static ApplicationSettings load() {
        Map<String, String> properties = new HashMap<>();
        try {
            for (PropertySource<?> source :
                    new YamlPropertySourceLoader().load("application.yaml", new FileSystemResource(APPLICATION_YAML))) {
                EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
                for (String name : enumerable.getPropertyNames()) {
                    properties.putIfAbsent(name, String.valueOf(enumerable.getProperty(name)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ApplicationSettings(Map.copyOf(properties));
    }

    Set<String> propertyNames() {
        return properties.keySet();
    }

    String property(String name, String fallback) {
        return properties.getOrDefault(name, fallback);
    }

    int serverPort() {
        return Integer.parseInt(property("server.port", "8080"));
    }

    Duration shutdownTimeout() {
        return DurationStyle.detectAndParse(property("spring.lifecycle.timeout-per-shutdown-phase", "30s"));
    }

    Set<String> exposedEndpoints() {
        return Set.of(
                property("management.endpoints.web.exposure.include", "health").split("\\s*,\\s*"));
    }

    /** The Micrometer names with {@code percentiles-histogram} switched on, i.e. the ones with _bucket series. */
    Set<String> histogramMeters() {
        String prefix = "management.metrics.distribution.percentiles-histogram.";
        Set<String> meters = new TreeSet<>();
        properties.forEach((name, value) -> {
            if (name.startsWith(prefix) && Boolean.parseBoolean(value)) {
                meters.add(name.substring(prefix.length()));
            }
        });
        return meters;
    }

    /** Variables the application itself binds: application.yaml and the @ConfigurationProperties records. */
    Set<String> boundVariables() {
        Set<String> names = new TreeSet<>();
        properties.forEach((name, value) -> {
            names.addAll(environmentForms(name));
            Matcher placeholder = PLACEHOLDER.matcher(value);
            while (placeholder.find()) {
                names.add(placeholder.group(1));
            }
        });
        configurationPropertiesNames().forEach(name -> names.addAll(environmentForms(name)));
        return names;
    }

    /** Variables the configuration tables of README.md and docs/operations.md document. */
    static Set<String> documentedVariables() {
        Set<String> names = new TreeSet<>();
        for (Path doc : CONFIGURATION_DOCS) {
            if (Files.exists(doc)) {
                names.addAll(configurationTableVariables(RepositoryFiles.text(doc)));
            }
        }
        return names;
    }

    Set<String> knownVariables() {
        Set<String> names = new TreeSet<>(boundVariables());
        names.addAll(documentedVariables());
        return names;
    }

    /** Whether any @ConfigurationProperties record binds under {@code ticketoverflow}: until then only docs know. */
    static boolean applicationBindsOwnSettings() {
        return configurationPropertiesNames().stream().anyMatch(name -> name.startsWith("ticketoverflow."));
    }

    static Set<String> configurationTableVariables(String markdown) {
        Set<String> names = new TreeSet<>();
        boolean inConfiguration = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("#")) {
                inConfiguration = line.toLowerCase().contains("configuration");
            } else if (inConfiguration && line.startsWith("|")) {
                String firstCell = line.substring(1).split("\\|", 2)[0];
                Matcher variable = DOCUMENTED_VARIABLE.matcher(firstCell);
                while (variable.find()) {
                    names.add(variable.group(1));
                }
            }
        }
        return names;
    }

    /** The environment variables relaxed binding maps to a property: foo.bar-baz is FOO_BARBAZ or FOO_BAR_BAZ. */
    static Set<String> environmentForms(String property) {
        String upper = property.toUpperCase().replaceAll("\\[(\\d+)]", ".$1").replace('.', '_');
        return new LinkedHashSet<>(List.of(upper.replace("-", ""), upper.replace('-', '_')));
    }

    static Set<String> configurationPropertiesNames() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Set<String> names = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.ticketoverflow")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            addRecordProperties(prefix, type, names);
        }
        return names;
    }

    private static void addRecordProperties(String prefix, Class<?> type, Set<String> names) {
        RecordComponent[] components = type.getRecordComponents();
        if (components == null) {
            return;
        }
        Arrays.stream(components).forEach(component -> {
            String name = prefix + "." + kebab(component.getName());
            names.add(name);
            if (component.getType().getPackageName().startsWith("org.ticketoverflow")) {
                addRecordProperties(name, component.getType(), names);
            }
        });
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
