package org.ticketoverflow.concerts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param maxCapacity the largest capacity a concert may have */
@ConfigurationProperties("ticketoverflow")
record ConcertSettings(@DefaultValue("150000") int maxCapacity) {}
