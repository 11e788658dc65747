package org.ticketoverflow.printing;

import org.ticketoverflow.support.OnH2;

@OnH2
class PrintingApiOnH2IntegrationTests extends PrintingApiScenarios {}
