package org.ticketoverflow.web;

import org.ticketoverflow.support.OnH2;

@OnH2
class ErrorsApiOnH2IntegrationTests extends ErrorsApiScenarios {}
