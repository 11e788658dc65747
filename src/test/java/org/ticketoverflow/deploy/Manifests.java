package org.ticketoverflow.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import tools.jackson.databind.JsonNode;

/**
 * The Kubernetes objects of deploy/kubernetes, as the kustomization lists them, each read strictly into the
 * model of its kind: fabric8's for Kubernetes' own kinds, {@link KedaScaledObject} and
 * {@link KedaTriggerAuthentication} for KEDA's. A kind not known here fails the read rather than being skipped.
 */
final class Manifests {

    static final Path DIRECTORY = Path.of("deploy", "kubernetes");
    static final String KUSTOMIZATION = "kustomization.yaml";

    private static final Map<String, Class<?>> MODELS = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "keda.sh/v1alpha1/ScaledObject", KedaScaledObject.class,
            "keda.sh/v1alpha1/TriggerAuthentication", KedaTriggerAuthentication.class);

    private final Kustomization kustomization;
    private final List<Object> objects;

    private Manifests(Kustomization kustomization, List<Object> objects) {
        this.kustomization = kustomization;
        this.objects = objects;
    }

    static Manifests load() {
        Kustomization kustomization = StrictYaml.read(DIRECTORY.resolve(KUSTOMIZATION), Kustomization.class);
        List<Object> objects = new ArrayList<>();
        for (String resource : kustomization.resources()) {
            for (JsonNode document : StrictYaml.documents(DIRECTORY.resolve(resource))) {
                try {
                    objects.add(parse(document));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(resource + ": " + e.getMessage(), e);
                }
            }
        }
        return new Manifests(kustomization, List.copyOf(objects));
    }

    /** One Kubernetes object, read into the model its apiVersion and kind name. */
    static Object parse(JsonNode document) {
        String key = document.path("apiVersion").asString() + "/"
                + document.path("kind").asString();
        Class<?> model = MODELS.get(key);
        if (model == null) {
            throw new IllegalArgumentException("no model for " + key + "; known: " + MODELS.keySet());
        }
        return StrictYaml.convert(document, model);
    }

    Kustomization kustomization() {
        return kustomization;
    }

    List<Object> objects() {
        return objects;
    }

    <T> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T> T named(Class<T> type, String name) {
        return all(type).stream()
                .filter(object -> name.equals(metadata(object).getName()))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no " + type.getSimpleName() + " named " + name));
    }

    /** The Deployment whose pods carry {@code app.kubernetes.io/component: <role>}. */
    Deployment deployment(String role) {
        return all(Deployment.class).stream()
                .filter(d -> role.equals(
                        d.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/component")))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no Deployment for role " + role));
    }

    static ObjectMeta metadata(Object object) {
        return switch (object) {
            case HasMetadata resource -> resource.getMetadata();
            case KedaScaledObject scaledObject -> scaledObject.metadata();
            case KedaTriggerAuthentication authentication -> authentication.metadata();
            default -> throw new IllegalArgumentException("not a Kubernetes object: " + object);
        };
    }
}
