package org.ticketoverflow.jobs;

import org.ticketoverflow.support.OnPostgres;

@OnPostgres
class DeadlineOrderingOnPostgresIntegrationTests extends DeadlineOrderingScenarios {}
