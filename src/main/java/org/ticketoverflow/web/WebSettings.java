package org.ticketoverflow.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicBaseUrl when set, the base of every absolute URL we hand out (else built from the request)
 * @param maxBodyBytes the largest request body accepted
 * @param requestLog whether every API request is logged (logger {@code org.ticketoverflow.requests}, INFO)
 */
@ConfigurationProperties("ticketoverflow")
record WebSettings(
        @DefaultValue("") String publicBaseUrl,
        @DefaultValue("16384") long maxBodyBytes,
        @DefaultValue("false") boolean requestLog) {}
