package org.ticketoverflow.tickets;

import org.ticketoverflow.support.OnH2;

@OnH2
class TicketsApiOnH2IntegrationTests extends TicketsApiScenarios {}
