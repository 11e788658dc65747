package org.ticketoverflow.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long a key is kept (and replayed) after its request was answered
 * @param cleanupInterval how often each node deletes keys past their retention
 */
@ConfigurationProperties("ticketoverflow.idempotency")
record IdempotencySettings(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("10m") Duration cleanupInterval) {}
