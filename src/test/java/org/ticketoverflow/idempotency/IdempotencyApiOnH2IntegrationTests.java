package org.ticketoverflow.idempotency;

import org.ticketoverflow.support.OnH2;

@OnH2
class IdempotencyApiOnH2IntegrationTests extends IdempotencyApiScenarios {}
