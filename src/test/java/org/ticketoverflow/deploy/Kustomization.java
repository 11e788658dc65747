package org.ticketoverflow.deploy;

import java.util.List;

/** The fields of a kustomize {@code Kustomization} that deploy/kubernetes uses (fabric8 has no served model). */
record Kustomization(String apiVersion, String kind, String namespace, List<String> resources, List<Image> images) {

    record Image(String name, String newName, String newTag) {}
}
