package org.ticketoverflow.jobs;

import org.ticketoverflow.support.OnH2;

@OnH2
class DeadlineOrderingOnH2IntegrationTests extends DeadlineOrderingScenarios {}
