package org.ticketoverflow.tickets;

import org.ticketoverflow.support.OnPostgres;

@OnPostgres
class OversellRaceOnPostgresIntegrationTests extends OversellRaceScenarios {}
