package org.ticketoverflow.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The roles of this node, from {@code TICKETOVERFLOW_ROLES} ({@code api}, {@code worker}, or both, comma
 * separated; both by default). Read in one place so every module agrees on what a role name is.
 */
@Component
public class NodeRoles {

    private final Set<String> roles;

    NodeRoles(@Value("${ticketoverflow.roles:api,worker}") String roles) {
        this.roles = Arrays.stream(roles.split(","))
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
