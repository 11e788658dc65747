package org.ticketoverflow.jobs;

import org.ticketoverflow.support.OnH2;

@OnH2
class JobQueueOnH2IntegrationTests extends JobQueueIntegrationTests {}
