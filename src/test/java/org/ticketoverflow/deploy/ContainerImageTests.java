package org.ticketoverflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Dockerfile, compose.yaml and the load balancer configuration checked against the application: ports, health
 * path, roles, variable names. Building and running the image is deploy/container-check's part (podman, from
 * .ci/run); these checks run everywhere, without a container runtime.
 */
class ContainerImageTests {

    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Path COMPOSE = Path.of("compose.yaml");
    private static final Path NGINX = Path.of("deploy", "compose", "nginx.conf");
    private static final String IMAGE = "ticketoverflow:local";

    private final ApplicationSettings application = ApplicationSettings.load();
    private final List<String> instructions = instructions(RepositoryFiles.text(DOCKERFILE));

    @Test
    void buildsWithTheJdkAndRunsOnTheJreOfJava25() {
        List<String> stages =
                instructions.stream().filter(line -> line.startsWith("FROM ")).toList();
        assertThat(stages).hasSize(2);
        assertThat(stages.getFirst()).startsWith("FROM eclipse-temurin:25-jdk ");
        assertThat(stages.getLast()).isEqualTo("FROM eclipse-temurin:25-jre");
        assertThat(instructions).anySatisfy(line -> assertThat(line).contains("./mvnw", "-DskipTests", "package"));
    }

    @Test
    void runsAsAnUnprivilegedUser() {
        assertThat(finalStage())
                .filteredOn(line -> line.startsWith("USER "))
                .last()
                .satisfies(user -> assertThat(user.substring("USER ".length()).split(":")[0])
                        .isNotIn("root", "0"));
    }

    @Test
    void exposesAndChecksTheServerPortAndLivenessPath() {
        int port = application.serverPort();
        assertThat(finalStage()).contains("EXPOSE " + port);
        assertThat(finalStage())
                .filteredOn(line -> line.startsWith("HEALTHCHECK "))
                .singleElement()
                .asString()
                .contains(":" + port + KubernetesManifestsTests.LIVENESS);
    }

    @Test
    void startsJavaInExecFormWithHeapSizedByTheContainer() {
        String entrypoint = finalStage().stream()
                .filter(line -> line.startsWith("ENTRYPOINT "))
                .reduce((a, b) -> b)
                .orElseThrow()
                .substring("ENTRYPOINT ".length());
        List<?> command = JsonMapper.shared().readValue(entrypoint, List.class);
        assertThat(command.getFirst()).isEqualTo("java");
        assertThat(command).anySatisfy(argument -> assertThat((String) argument).startsWith("-XX:MaxRAMPercentage="));
    }

    @Test
    void copiesOnlyFilesThatExistAndTheDockerignoreLetsIn() {
        List<String> allowed = RepositoryFiles.text(Path.of(".dockerignore"))
                .lines()
                .filter(line -> line.startsWith("!"))
                .map(line -> line.substring(1).replaceAll("/$", ""))
                .toList();
        List<String> copies = instructions.stream()
                .filter(line -> line.startsWith("COPY ") && !line.contains("--from"))
                .toList();
        for (String copy : copies) {
            String[] words = copy.split("\\s+");
            for (int i = 1; i < words.length - 1; i++) {
                String source = words[i].replaceAll("/$", "");
                assertThat(Path.of(source)).exists();
                assertThat(allowed).as(".dockerignore lets %s in", source).contains(source);
            }
        }
    }

    @Test
    void composeRunsTwoApiNodesAndOneWorkerOnPostgres() {
        Map<String, Map<String, Object>> services = services();
        Map<String, Map<String, String>> nodes = new java.util.TreeMap<>();
        services.forEach((name, service) -> {
            if (IMAGE.equals(service.get("image"))) {
                nodes.put(name, environment(service));
            }
        });
        assertThat(nodes.values())
                .extracting(env -> env.get("TICKETOVERFLOW_ROLES"))
                .containsExactlyInAnyOrder("api", "api", "worker");

        Map<String, String> postgres = environment(services.get("postgres"));
        for (Map<String, String> env : nodes.values()) {
            PostgresUrl url = PostgresUrl.parse(env.get("TICKETOVERFLOW_DATABASE_URL"));
            assertThat(url.host()).isEqualTo("postgres");
            assertThat(url.database()).isEqualTo(postgres.get("POSTGRES_DB"));
            assertThat(env)
                    .containsEntry("TICKETOVERFLOW_DATABASE_USER", postgres.get("POSTGRES_USER"))
                    .containsEntry("TICKETOVERFLOW_DATABASE_PASSWORD", postgres.get("POSTGRES_PASSWORD"));
            assertThat(application.knownVariables()).containsAll(env.keySet());
        }
        assertThat(application.knownVariables()).containsAll(environmentVariablesOfTheImage());
    }

    @Test
    void loadBalancerSpreadsOverTheApiNodesAndForwardsTheClientsView() {
        String nginx = RepositoryFiles.text(NGINX).replaceAll("#[^\n]*", "");
        Set<String> upstreams = new TreeSet<>();
        Matcher server = Pattern.compile("^\\s*server\\s+([\\w-]+):(\\d+)", Pattern.MULTILINE)
                .matcher(nginx);
        while (server.find()) {
            assertThat(Integer.parseInt(server.group(2))).isEqualTo(application.serverPort());
            upstreams.add(server.group(1));
        }
        Set<String> apiNodes = new TreeSet<>();
        services().forEach((name, service) -> {
            if ("api".equals(environment(service).get("TICKETOVERFLOW_ROLES"))) {
                apiNodes.add(name);
            }
        });
        assertThat(upstreams).isEqualTo(apiNodes);
        assertThat(nginx)
                .contains(
                        "proxy_set_header X-Forwarded-Proto ",
                        "proxy_set_header X-Forwarded-Host ",
                        "proxy_set_header X-Forwarded-For ")
                .doesNotContain("non_idempotent");

        Map<String, Object> lb = services().get("lb");
        assertThat((List<?>) lb.get("volumes"))
                .anySatisfy(volume -> assertThat((String) volume)
                        .startsWith("./" + NGINX.toString().replace('\\', '/') + ":"));
        Matcher listen = Pattern.compile("listen\\s+(\\d+);").matcher(nginx);
        assertThat(listen.find()).isTrue();
        assertThat((List<?>) lb.get("ports"))
                .anySatisfy(port -> assertThat((String) port).endsWith(":" + listen.group(1)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        Map<String, Object> compose = new Yaml().load(RepositoryFiles.text(COMPOSE));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.getOrDefault("environment", Map.of());
        Map<String, String> values = new java.util.TreeMap<>();
        ((Map<String, Object>) environment).forEach((name, value) -> values.put(name, String.valueOf(value)));
        return values;
    }

    private Set<String> environmentVariablesOfTheImage() {
        Set<String> names = new TreeSet<>();
        finalStage().stream()
                .filter(line -> line.startsWith("ENV "))
                .forEach(line -> names.add(line.substring("ENV ".length()).split("[=\\s]")[0]));
        return names;
    }

    private List<String> finalStage() {
        int last = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).startsWith("FROM ")) {
                last = i;
            }
        }
        return instructions.subList(last, instructions.size());
    }

    /** Dockerfile instructions, one per element, continuation lines joined and comments dropped. */
    static List<String> instructions(String dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean continued = line.endsWith("\\");
            current.append(continued ? line.substring(0, line.length() - 1) : line)
                    .append(continued ? " " : "");
            if (!continued) {
                instructions.add(current.toString().replaceAll("\\s+", " ").strip());
                current.setLength(0);
            }
        }
        return instructions;
    }
}
