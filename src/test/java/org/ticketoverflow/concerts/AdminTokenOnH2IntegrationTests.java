package org.ticketoverflow.concerts;

import org.ticketoverflow.support.OnH2;

@OnH2
class AdminTokenOnH2IntegrationTests extends AdminTokenScenarios {}
