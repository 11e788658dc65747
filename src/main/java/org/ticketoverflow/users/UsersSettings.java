package org.ticketoverflow.users;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param usersUrl base URL of a remote users service ({@code <usersUrl>/api/v1/users/{id}}); empty: in-process
 * @param usersCacheTtl how long a user found remotely is remembered
 * @param usersTimeout the bound on one remote look-up
 */
@ConfigurationProperties("ticketoverflow")
record UsersSettings(
        @DefaultValue("") String usersUrl,
        @DefaultValue("10m") Duration usersCacheTtl,
        @DefaultValue("2s") Duration usersTimeout) {}
