package org.ticketoverflow.seating;

import org.ticketoverflow.support.OnH2;

@OnH2
class SeatingApiOnH2IntegrationTests extends SeatingApiScenarios {}
