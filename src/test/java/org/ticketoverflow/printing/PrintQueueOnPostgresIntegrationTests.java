package org.ticketoverflow.printing;

import org.ticketoverflow.support.OnPostgres;
import org.ticketoverflow.support.OwnDatabase;

@OnPostgres
class PrintQueueOnPostgresIntegrationTests extends PrintQueueScenarios {

    @Override
    protected OwnDatabase ownDatabase() {
        return OwnDatabase.postgres();
    }
}
