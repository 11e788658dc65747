package org.ticketoverflow.tickets;

import org.ticketoverflow.support.OnH2;

@OnH2
class OversellRaceOnH2IntegrationTests extends OversellRaceScenarios {}
