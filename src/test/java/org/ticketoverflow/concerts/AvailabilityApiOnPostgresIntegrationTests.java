package org.ticketoverflow.concerts;

import org.ticketoverflow.support.OnPostgres;

@OnPostgres
class AvailabilityApiOnPostgresIntegrationTests extends AvailabilityApiScenarios {}
