package org.ticketoverflow.concerts;

import org.ticketoverflow.support.OnPostgres;

@OnPostgres
class AdminTokenOnPostgresIntegrationTests extends AdminTokenScenarios {}
