package org.ticketoverflow.web;

import org.ticketoverflow.support.OnH2;

/** Tomcat's refusals touch no database, so H2 alone is enough. */
@OnH2
class TomcatRejectionsOnH2IntegrationTests extends TomcatRejectionsScenarios {}
