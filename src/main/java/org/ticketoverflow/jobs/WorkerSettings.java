package org.ticketoverflow.jobs;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The node-level settings the workers need: {@code TICKETOVERFLOW_ROLES} ({@code api}, {@code worker} or both) and
 * {@code TICKETOVERFLOW_WORKER_CONCURRENCY} (jobs run at once on this node; default: the number of cores).
 */
@ConfigurationProperties("ticketoverflow")
record WorkerSettings(@DefaultValue({"api", "worker"}) Set<String> roles, Integer workerConcurrency) {

    WorkerSettings {
        roles = roles.stream()
                .map(role -> role.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        if (workerConcurrency != null && workerConcurrency < 1) {
            throw new IllegalArgumentException("ticketoverflow.worker-concurrency must be at least 1");
        }
    }

    boolean worker() {
        return roles.contains("worker");
    }

    int concurrency() {
        return workerConcurrency == null ? Runtime.getRuntime().availableProcessors() : workerConcurrency;
    }
}
