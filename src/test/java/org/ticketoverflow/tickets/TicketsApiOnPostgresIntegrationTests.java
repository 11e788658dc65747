package org.ticketoverflow.tickets;

import org.ticketoverflow.support.OnPostgres;

@OnPostgres
class TicketsApiOnPostgresIntegrationTests extends TicketsApiScenarios {}
