package org.ticketoverflow.seating;

import org.ticketoverflow.support.OnPostgres;

@OnPostgres
class SeatingApiOnPostgresIntegrationTests extends SeatingApiScenarios {}
