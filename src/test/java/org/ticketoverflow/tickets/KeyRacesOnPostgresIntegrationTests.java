package org.ticketoverflow.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketoverflow.concerts.Concerts;
import org.ticketoverflow.idempotency.IdempotencyKeys;
import org.ticketoverflow.idempotency.KeyClaim;
import org.ticketoverflow.idempotency.TestClaims;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.HttpScenario;
import org.ticketoverflow.support.OnPostgres;
import org.ticketoverflow.web.DatabaseReachability;

/**
 * A keyed batch whose keys another node commits one at a time, each an instant before this batch records its own
 * (retries sent to two nodes at once): every round loses one key, and the batch goes round again until each of
 * its purchases is answered, the lost ones by replaying the other node's record, never by a 503. The batch's
 * statements run for real on PostgreSQL; only "the other node" is staged, by committing its key row in a
 * transaction of its own just before this batch's key insert.
 */
@OnPostgres
class KeyRacesOnPostgresIntegrationTests extends HttpScenario {

    @Autowired
    private Concerts concerts;

    @Autowired
    private Tickets tickets;

    @Autowired
    private IdempotencyKeys keys;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private DatabaseReachability database;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aBatchThatLosesOneKeyARoundToAnotherNodeReplaysEachAndSellsTheRest() throws Exception {
        String concertId = api.createConcert(100).get("id").stringValue();
        String blocker = api.createConcert(100).get("id").stringValue();
        int batch = 8;
        int lost = 6;
        CountDownLatch allQueued = new CountDownLatch(1);
        OtherNode otherNode = new OtherNode(concertId, lost, blocker, allQueued);
        // one commit slot: while it sells the blocker's purchase, the eight queue up and form one batch
        BoxOffice boxOffice = new BoxOffice(
                concerts,
                tickets,
                otherNode,
                transactions,
                new PurchaseSettings(500, 1, 4000, Duration.ofSeconds(10), Duration.ofSeconds(1)),
                database,
                new SimpleMeterRegistry());
        CompletableFuture<PurchaseOutcome> first = boxOffice.purchase(blocker, ApiClient.user(1), claim("blocker"));
        // the blocker's transaction holds the slot before the eight queue up, so its turn cannot take them along
        assertThat(otherNode.blocking.await(10, TimeUnit.SECONDS)).isTrue();
        List<String> keyValues = IntStream.range(0, batch)
                .mapToObj(i -> "race-" + UUID.randomUUID())
                .toList();
        List<CompletableFuture<PurchaseOutcome>> purchases = IntStream.range(0, batch)
                .mapToObj(i -> boxOffice.purchase(concertId, ApiClient.user(10 + i), claim(keyValues.get(i))))
                .toList();
        allQueued.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(PurchaseOutcome.Sold.class);
        List<PurchaseOutcome> outcomes = new ArrayList<>();
        for (CompletableFuture<PurchaseOutcome> purchase : purchases) {
            outcomes.add(purchase.get(10, TimeUnit.SECONDS));
        }
        assertThat(otherNode.rounds).as("rounds the batch went").isEqualTo(lost + 1);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof PurchaseOutcome.Replayed)
                .hasSize(lost);
        assertThat(outcomes).filteredOn(o -> o instanceof PurchaseOutcome.Sold).hasSize(batch - lost);
        // each replay carries what the other node recorded for that very key
        for (int i = 0; i < batch; i++) {
            if (outcomes.get(i) instanceof PurchaseOutcome.Replayed replayed) {
                assertThat(replayed.record().key().value()).isEqualTo(keyValues.get(i));
                assertThat(replayed.record().resourceId()).isEqualTo(otherNode.won.get(keyValues.get(i)));
            }
        }
        Set<String> sold = new HashSet<>();
        outcomes.stream()
                .filter(o -> o instanceof PurchaseOutcome.Sold)
                .forEach(o -> sold.add(((PurchaseOutcome.Sold) o).ticket().id()));
        assertThat(api.ticketIdsOf(concertId)).containsExactlyInAnyOrderElementsOf(sold);
        assertThat(jdbc.sql("SELECT sold FROM concerts WHERE id = ?")
                        .param(concertId)
                        .query(Integer.class)
                        .single())
                .isEqualTo(batch - lost);
        assertThat(keys.find(PurchaseReceipts.SCOPE, keyValues)).hasSize(batch);
    }

    private static KeyClaim claim(String value) {
        return TestClaims.claim(PurchaseReceipts.SCOPE, value, "fingerprint-of-" + value);
    }

    /**
     * The real receipts, with another node that commits the answer of one more of the batch's keys (the least
     * not yet taken) just before each of the batch's first {@code wins} key inserts. The blocker concert's batch
     * waits until the test has queued the others.
     */
    private class OtherNode extends PurchaseReceipts {
        private final String concertId;
        private final int wins;
        private final String blocker;
        private final CountDownLatch allQueued;
        private final Map<String, String> won = new ConcurrentHashMap<>();
        private final CountDownLatch blocking = new CountDownLatch(1);
        private final TransactionTemplate ownTransactions;
        private volatile int rounds;

        OtherNode(String concertId, int wins, String blocker, CountDownLatch allQueued) {
            super(keys);
            this.concertId = concertId;
            this.wins = wins;
            this.blocker = blocker;
            this.allQueued = allQueued;
            this.ownTransactions = new TransactionTemplate(transactions.getTransactionManager());
            ownTransactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }

        @Override
        void record(Map<BoxOffice.Purchase, PurchaseOutcome> outcomes) {
            String concert = outcomes.keySet().iterator().next().concertId();
            if (concert.equals(blocker)) {
                await();
            } else if (concert.equals(concertId)) {
                rounds++;
                if (won.size() < wins) {
                    KeyClaim next = outcomes.keySet().stream()
                            .map(BoxOffice.Purchase::claim)
                            .sorted(Comparator.comparing(c -> c.key().value()))
                            .findFirst()
                            .orElseThrow();
                    String ticket = UUID.randomUUID().toString();
                    ownTransactions.executeWithoutResult(
                            tx -> keys.insert(List.of(next.key().created(ticket))));
                    won.put(next.key().value(), ticket);
                }
            }
            super.record(outcomes);
        }

        private void await() {
            blocking.countDown();
            try {
                allQueued.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
