package org.ticketoverflow.idempotency;

import org.ticketoverflow.support.OnPostgres;

@OnPostgres
class IdempotencyApiOnPostgresIntegrationTests extends IdempotencyApiScenarios {}
