package org.ticketoverflow.idempotency;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Forgets keys past their retention, every {@code cleanup-interval}, on every node: one conditional DELETE, so
 * nodes running it at once delete each row once between them. A key is thus replayed for at least the retention
 * and at most one interval longer. (A periodic sweep of its own until the jobs module runs all sweeps.)
 */
@Component
class KeyCleanup implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(KeyCleanup.class);

    private final IdempotencyKeys keys;
    private final IdempotencySettings settings;

    KeyCleanup(IdempotencyKeys keys, IdempotencySettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::forgetExpired, settings.cleanupInterval());
    }

    void forgetExpired() {
        try {
            int forgotten = keys.deleteRecordedBefore(Instant.now().minus(settings.retention()));
            if (forgotten > 0) {
                log.info("Forgot {} idempotency keys older than {}", forgotten, settings.retention());
            }
        } catch (RuntimeException e) {
            log.warn("Could not delete expired idempotency keys; trying again in {}", settings.cleanupInterval(), e);
        }
    }
}
