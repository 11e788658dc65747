package org.ticketoverflow.tickets;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxBatch the most purchases committed in one statement or transaction (of one concert, or of several
 *                 sold together)
 * @param maxConcurrentBatches statements or transactions (of any concerts) committing at once in this node;
 *                             keep it well below the connection pool size
 * @param maxWaiting purchases a node holds (queued or committing) before it sheds new ones with 503
 * @param maxWait how long a request waits for its batch before giving up with 503 (should never happen while
 *                the database is healthy: {@code maxWaiting} keeps queues short)
 * @param retryAfter what a shed client is told to wait
 */
@ConfigurationProperties("ticketoverflow.purchase")
record PurchaseSettings(
        @DefaultValue("500") int maxBatch,
        @DefaultValue("2") int maxConcurrentBatches,
        @DefaultValue("4000") int maxWaiting,
        @DefaultValue("10s") Duration maxWait,
        @DefaultValue("1s") Duration retryAfter) {}
