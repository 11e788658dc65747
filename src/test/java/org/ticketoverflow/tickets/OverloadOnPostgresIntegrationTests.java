package org.ticketoverflow.tickets;

import org.ticketoverflow.support.OnPostgres;

@OnPostgres
class OverloadOnPostgresIntegrationTests extends OverloadScenarios {}
