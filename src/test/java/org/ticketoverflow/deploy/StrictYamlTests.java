package org.ticketoverflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** The reading that {@link KubernetesManifestsTests} relies on must refuse what the API server refuses. */
class StrictYamlTests {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              template:
                spec:
                  containers:
                    - name: demo
                      image: demo
                      %s
            """;

    @Test
    void readsAWellFormedDeployment() {
        Object deployment = parse(DEPLOYMENT.formatted("ports: [{name: http, containerPort: 8080}]"));

        assertThat(deployment)
                .isInstanceOfSatisfying(
                        Deployment.class,
                        d -> assertThat(d.getSpec()
                                        .getTemplate()
                                        .getSpec()
                                        .getContainers()
                                        .getFirst()
                                        .getPorts()
                                        .getFirst()
                                        .getContainerPort())
                                .isEqualTo(8080));
    }

    @Test
    void refusesAMisspelledFieldThatTheModelWouldOtherwiseKeepAside() {
        assertThatThrownBy(() -> parse(DEPLOYMENT.formatted("livenesProbe: {httpGet: {path: /, port: 8080}}")))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("livenesProbe");
    }

    @Test
    void refusesAQuotedNumberWhereKubernetesWantsAnInteger() {
        assertThatThrownBy(() -> parse(DEPLOYMENT.formatted("ports: [{containerPort: \"8080\"}]")))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void refusesAnUnquotedNumberInConfigMapData() {
        String configMap = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: demo}
                data:
                  TICKETOVERFLOW_PURCHASE_MAX_BATCH: 500
                """;

        assertThatThrownBy(() -> parse(configMap)).isInstanceOf(JacksonException.class);
        assertThat(parse(configMap.replace("500", "\"500\""))).isInstanceOf(ConfigMap.class);
    }

    @Test
    void refusesDuplicateKeys() {
        assertThatThrownBy(() -> parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: demo}
                data: {A: "1", A: "2"}
                """)).isInstanceOf(JacksonException.class);
    }

    @Test
    void refusesAKedaFieldTheRecordsDoNotMirror() {
        String scaledObject = """
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: demo}
                spec:
                  scaleTargetRef: {name: demo}
                  %s
                  triggers:
                    - type: postgresql
                      metadata: {query: "SELECT 1", targetQueryValue: "5"}
                """;

        assertThat(parse(scaledObject.formatted("minReplicaCount: 1"))).isInstanceOf(KedaScaledObject.class);
        assertThatThrownBy(() -> parse(scaledObject.formatted("minReplicas: 1")))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("minReplicas");
    }

    @Test
    void refusesAKindWithoutAModel() {
        assertThatThrownBy(() -> parse("apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: demo}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch/v1/CronJob");
    }

    private static Object parse(String yaml) {
        return Manifests.parse(StrictYaml.documents(yaml).getFirst());
    }
}
