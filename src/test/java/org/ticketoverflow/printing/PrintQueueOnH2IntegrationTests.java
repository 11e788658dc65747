package org.ticketoverflow.printing;

import org.ticketoverflow.support.OnH2;
import org.ticketoverflow.support.OwnDatabase;

@OnH2
class PrintQueueOnH2IntegrationTests extends PrintQueueScenarios {

    @Override
    protected OwnDatabase ownDatabase() {
        return OwnDatabase.h2();
    }
}
