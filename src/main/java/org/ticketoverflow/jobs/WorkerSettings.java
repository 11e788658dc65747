package org.ticketoverflow.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code TICKETOVERFLOW_WORKER_CONCURRENCY}: how many jobs this node runs at once, read here only. Unset means the
 * number of cores the JVM sees; anything below 1 is refused at startup (there is no "0 means default").
 */
@ConfigurationProperties("ticketoverflow")
public record WorkerSettings(Integer workerConcurrency) {

    public WorkerSettings {
        if (workerConcurrency != null && workerConcurrency < 1) {
            throw new IllegalArgumentException("ticketoverflow.worker-concurrency must be at least 1");
        }
    }

    /** The worker slots of this node (whether it has the worker role or not: see {@code web.NodeRoles}). */
    public int slots() {
        return workerConcurrency == null ? Runtime.getRuntime().availableProcessors() : workerConcurrency;
    }
}
