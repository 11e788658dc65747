package org.ticketoverflow.printing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sweepInterval how often worker nodes redo what a concert change does to prints (re-date waiting prints,
 *                      delete outdated SVGs), in case a change was never seen through its event
 */
@ConfigurationProperties("ticketoverflow.printing")
record PrintingSettings(@DefaultValue("1m") Duration sweepInterval) {}
