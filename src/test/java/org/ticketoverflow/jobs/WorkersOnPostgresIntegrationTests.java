package org.ticketoverflow.jobs;

import org.ticketoverflow.support.OnPostgres;

@OnPostgres
class WorkersOnPostgresIntegrationTests extends WorkersIntegrationTests {}
