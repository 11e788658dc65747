package org.ticketoverflow.boxoffice;

import org.ticketoverflow.support.OnPostgres;

@OnPostgres
class BoxOfficePagesOnPostgresIntegrationTests extends BoxOfficePagesScenarios {}
