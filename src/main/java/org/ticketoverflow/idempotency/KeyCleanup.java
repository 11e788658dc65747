package org.ticketoverflow.idempotency;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.ticketoverflow.jobs.PeriodicDuty;

/**
 * Forgets keys past their retention, every {@code cleanup-interval}, on every worker node (a periodic duty of the
 * jobs module): one conditional DELETE, so nodes running it at once delete each row once between them. A key is
 * thus replayed for at least the retention and at most one interval longer.
 */
@Component
class KeyCleanup {

    private static final Logger log = LoggerFactory.getLogger(KeyCleanup.class);

    private final IdempotencyKeys keys;
    private final IdempotencySettings settings;

    KeyCleanup(IdempotencyKeys keys, IdempotencySettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    @Bean
    static PeriodicDuty idempotencyKeyCleanupDuty(IdempotencySettings settings, KeyCleanup cleanup) {
        return PeriodicDuty.onWorkers(
                "forgetting idempotency keys past their retention", settings.cleanupInterval(), cleanup::forgetExpired);
    }

    void forgetExpired() {
        int forgotten = keys.deleteRecordedBefore(Instant.now().minus(settings.retention()));
        if (forgotten > 0) {
            log.info("Forgot {} idempotency keys older than {}", forgotten, settings.retention());
        }
    }
}
