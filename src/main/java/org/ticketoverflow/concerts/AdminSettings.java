package org.ticketoverflow.concerts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminToken when set, the bearer token that creating and changing concerts requires; empty (the default):
 *     no token, the API exactly as the v1 contract
 */
@ConfigurationProperties("ticketoverflow")
record AdminSettings(@DefaultValue("") String adminToken) {

    boolean required() {
        return !adminToken.isBlank();
    }
}
