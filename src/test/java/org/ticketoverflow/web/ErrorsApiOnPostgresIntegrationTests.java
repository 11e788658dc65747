package org.ticketoverflow.web;

import org.ticketoverflow.support.OnPostgres;

@OnPostgres
class ErrorsApiOnPostgresIntegrationTests extends ErrorsApiScenarios {}
