package org.ticketoverflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Reading the pods out of the Deployments of {@link Manifests}. */
final class Workloads {

    static final String DATABASE_SECRET = "ticketoverflow-database";

    private Workloads() {}

    static String name(Deployment deployment) {
        return deployment.getMetadata().getName();
    }

    static Map<String, String> podLabels(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getLabels();
    }

    /** The one container of the Deployment's pods (the application; no sidecars). */
    static Container container(Deployment deployment) {
        List<Container> containers =
                deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(name(deployment)).hasSize(1);
        return containers.getFirst();
    }

    /** A port number, or the number of the container port of that name. */
    static int port(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream()
                .filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
    }

    /** How long the preStop hook holds the pod before the application is told to stop. */
    static long preStopSeconds(Container container) {
        if (container.getLifecycle() == null || container.getLifecycle().getPreStop() == null) {
            return 0;
        }
        LifecycleHandler preStop = container.getLifecycle().getPreStop();
        if (preStop.getSleep() != null) {
            return preStop.getSleep().getSeconds();
        }
        List<String> command = preStop.getExec().getCommand();
        assertThat(command)
                .as("a preStop hook other than sleep")
                .hasSize(2)
                .first()
                .isEqualTo("sleep");
        return Long.parseLong(command.get(1));
    }

    /**
     * The value a Deployment's container gets for an environment variable: its own env entry, else a key of a
     * ConfigMap it takes with envFrom; empty when neither sets it (the application's default applies).
     */
    static Optional<String> environmentValue(Manifests manifests, Deployment deployment, String variable) {
        Container container = container(deployment);
        Optional<String> own = container.getEnv().stream()
                .filter(env -> env.getName().equals(variable) && env.getValue() != null)
                .map(EnvVar::getValue)
                .findFirst();
        if (own.isPresent()) {
            return own;
        }
        return container.getEnvFrom().stream()
                .filter(source -> source.getConfigMapRef() != null)
                .map(source -> manifests
                        .named(ConfigMap.class, source.getConfigMapRef().getName())
                        .getData()
                        .get(variable))
                .filter(Objects::nonNull)
                .findFirst();
    }

    /**
     * Every environment variable the application containers get: their env entries and every key of the
     * ConfigMaps and Secrets they take whole with envFrom. A reference to a missing object or key fails.
     */
    static Set<String> environmentVariables(Manifests manifests) {
        Set<String> names = new TreeSet<>();
        for (Deployment deployment : manifests.all(Deployment.class)) {
            Container container = container(deployment);
            for (EnvVar env : container.getEnv()) {
                names.add(env.getName());
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    var ref = env.getValueFrom().getSecretKeyRef();
                    assertThat(secretKeys(manifests.named(Secret.class, ref.getName())))
                            .contains(ref.getKey());
                }
                if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                    var ref = env.getValueFrom().getConfigMapKeyRef();
                    assertThat(manifests.named(ConfigMap.class, ref.getName()).getData())
                            .containsKey(ref.getKey());
                }
            }
            for (EnvFromSource source : container.getEnvFrom()) {
                if (source.getConfigMapRef() != null) {
                    String name = source.getConfigMapRef().getName();
                    names.addAll(
                            manifests.named(ConfigMap.class, name).getData().keySet());
                }
                if (source.getSecretRef() != null) {
                    names.addAll(secretKeys(
                            manifests.named(Secret.class, source.getSecretRef().getName())));
                }
            }
        }
        return names;
    }

    static Set<String> secretKeys(Secret secret) {
        Set<String> keys = new TreeSet<>();
        for (Map<String, String> values : List.of(orEmpty(secret.getData()), orEmpty(secret.getStringData()))) {
            keys.addAll(values.keySet());
        }
        return keys;
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null
                && List.of(path.split(File.pathSeparator)).stream()
                        .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }

    private static Map<String, String> orEmpty(Map<String, String> values) {
        return values == null ? Map.of() : values;
    }
}
