package org.ticketoverflow.web;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The roles of this node, from {@code TICKETOVERFLOW_ROLES} ({@code api}, {@code worker}, or both, comma
 * separated; both by default). The only reader of that setting: the API filter, the job workers and the periodic
 * duties all ask this record, so every module agrees on what a role name is.
 */
@ConfigurationProperties("ticketoverflow")
public record NodeRoles(@DefaultValue({"api", "worker"}) Set<String> roles) {

    public NodeRoles {
        roles = roles.stream()
                .map(role -> role.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean api() {
        return roles.contains("api");
    }

    public boolean worker() {
        return roles.contains("worker");
    }
}
