package org.ticketoverflow.printing;

import org.ticketoverflow.support.OnPostgres;

@OnPostgres
class PrintingApiOnPostgresIntegrationTests extends PrintingApiScenarios {}
