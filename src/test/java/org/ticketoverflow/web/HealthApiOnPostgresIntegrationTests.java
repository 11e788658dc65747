package org.ticketoverflow.web;

import org.ticketoverflow.support.OnPostgres;

@OnPostgres
class HealthApiOnPostgresIntegrationTests extends HealthApiScenarios {}
