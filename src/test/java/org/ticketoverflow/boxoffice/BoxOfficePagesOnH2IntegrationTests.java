package org.ticketoverflow.boxoffice;

import org.ticketoverflow.support.OnH2;

@OnH2
class BoxOfficePagesOnH2IntegrationTests extends BoxOfficePagesScenarios {}
