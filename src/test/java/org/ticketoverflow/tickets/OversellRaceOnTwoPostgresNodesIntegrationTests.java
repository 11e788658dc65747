package org.ticketoverflow.tickets;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.AppInstance;
import org.ticketoverflow.support.OnPostgres;

/** The same races with purchases alternating between two nodes that share one PostgreSQL database. */
@OnPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OversellRaceOnTwoPostgresNodesIntegrationTests extends OversellRaceScenarios {

    private AppInstance secondNode;

    @BeforeAll
    void startSecondNode() {
        secondNode = startNodeOnSameDatabase();
    }

    @AfterAll
    void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Override
    protected List<ApiClient> nodes() {
        return List.of(api, secondNode.api());
    }
}
