package org.ticketoverflow.deploy;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import java.util.List;
import java.util.Map;

/**
 * The fields of KEDA's {@code ScaledObject} (keda.sh/v1alpha1, apis/keda/v1alpha1/scaledobject_types.go) that
 * deploy/kubernetes uses. Read strictly: a field not mirrored here fails the read, so add it here when a
 * manifest starts using it.
 */
record KedaScaledObject(String apiVersion, String kind, ObjectMeta metadata, Spec spec) {

    record Spec(
            ScaleTargetRef scaleTargetRef,
            Integer pollingInterval,
            Integer cooldownPeriod,
            Integer minReplicaCount,
            Integer maxReplicaCount,
            Advanced advanced,
            List<Trigger> triggers) {}

    record ScaleTargetRef(String apiVersion, String kind, String name) {}

    record Advanced(HorizontalPodAutoscalerConfig horizontalPodAutoscalerConfig) {}

    record HorizontalPodAutoscalerConfig(HorizontalPodAutoscalerBehavior behavior) {}

    /** Trigger metadata is a string map in KEDA: {@code targetQueryValue: 50} unquoted is refused. */
    record Trigger(String type, Map<String, String> metadata, AuthenticationRef authenticationRef) {}

    record AuthenticationRef(String name) {}
}
