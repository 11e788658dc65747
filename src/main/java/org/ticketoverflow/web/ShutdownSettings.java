package org.ticketoverflow.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param drainDelay on shutdown, how long an api node keeps serving while it reports not ready, so load balancers
 *     that poll readiness stop sending it requests before it stops accepting them
 */
@ConfigurationProperties("ticketoverflow.shutdown")
record ShutdownSettings(@DefaultValue("0s") Duration drainDelay) {}
