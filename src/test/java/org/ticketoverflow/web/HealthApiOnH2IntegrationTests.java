package org.ticketoverflow.web;

import org.ticketoverflow.support.OnH2;

@OnH2
class HealthApiOnH2IntegrationTests extends HealthApiScenarios {}
