package org.ticketoverflow.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ticketoverflow.tickets.BoxOfficeCalls.CONNECTION_LOST;
import static org.ticketoverflow.tickets.BoxOfficeCalls.losingCommitAnswers;
import static org.ticketoverflow.tickets.BoxOfficeCalls.outcomes;
import static org.ticketoverflow.tickets.BoxOfficeCalls.purchases;
import static org.ticketoverflow.tickets.BoxOfficeCalls.rollingBackWithLostAnswers;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketoverflow.concerts.Concerts;
import org.ticketoverflow.idempotency.IdempotencyKeys;
import org.ticketoverflow.idempotency.KeyRecord;
import org.ticketoverflow.idempotency.TestClaims;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.HttpScenario;
import org.ticketoverflow.support.OnPostgres;
import org.ticketoverflow.web.DatabaseReachability;

/**
 * A sale whose answer is lost on the way back (the connection breaks after the commit, or before the statement
 * arrived) is answered by what was committed, found by the batch's own ticket ids, never by a guess: the
 * one-statement sale, and the transactional ones (keyed purchases, H2's sale) whose commit's answer is lost. The
 * statements run for real on PostgreSQL; only the loss of the answer is staged, by a repository (or a
 * transaction manager) that throws the driver's connection failure after (or instead of) the real work.
 */
@OnPostgres
class LostSaleAnswerOnPostgresIntegrationTests extends HttpScenario {

    @Autowired
    private Concerts concerts;

    @Autowired
    private PurchaseReceipts receipts;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private PurchaseSettings settings;

    @Autowired
    private DatabaseReachability database;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private IdempotencyKeys keys;

    @Test
    void aSaleCommittedWhoseAnswerWasLostIsAnsweredWithItsTickets() throws Exception {
        String concertId = api.createConcert(3).get("id").stringValue();
        CountDownLatch allQueued = new CountDownLatch(1);
        BoxOffice boxOffice = boxOffice(new LosingAnswers(true, CONNECTION_LOST, allQueued));

        // the first batch waits until all four are queued, so the second (if any) holds all the others and
        // finds seats left: a batch that found none would have sold nothing, which is unconfirmed
        List<CompletableFuture<PurchaseOutcome>> purchases = purchases(boxOffice, concertId, 4);
        allQueued.countDown();
        assertThreeSoldOneSoldOutAsCommitted(concertId, outcomes(purchases));
    }

    @Test
    void aLostAnswerWithNoTicketCommittedIsUnconfirmedNotNothingSold() throws Exception {
        String concertId = api.createConcert(5).get("id").stringValue();
        BoxOffice boxOffice = boxOffice(new LosingAnswers(false, CONNECTION_LOST, new CountDownLatch(0)));

        assertUnconfirmedWithNoTicket(boxOffice, concertId);
    }

    @Test
    void aStatementTheDatabaseRefusedSoldNothingAndSaysSo() throws Exception {
        String concertId = api.createConcert(5).get("id").stringValue();
        // a user id longer than the column: PostgreSQL itself refuses the statement (SQL state 22001)
        BoxOffice boxOffice = boxOffice(new Tickets(jdbc, dataSource) {
            @Override
            OptionalInt sellInOneStatement(String concert, List<String> ids, List<String> users, OffsetDateTime at) {
                return super.sellInOneStatement(
                        concert, ids, users.stream().map(u -> u + "-too-long").toList(), at);
            }
        });

        assertThat(outcomes(purchases(boxOffice, concertId, 2))).allMatch(o -> o instanceof PurchaseOutcome.Failed);
        assertThat(api.ticketIdsOf(concertId)).isEmpty();
    }

    @Test
    void aTransactionCommittedWhoseCommitAnswerWasLostIsAnsweredWithItsTickets() throws Exception {
        String concertId = api.createConcert(3).get("id").stringValue();
        // every batch commits for real and then loses the answer; one that found no seats left sold nothing, so
        // its refusal is true either way
        BoxOffice boxOffice = boxOffice(inTransactions(), losingCommitAnswers(dataSource));

        assertThreeSoldOneSoldOutAsCommitted(concertId, outcomes(purchases(boxOffice, concertId, 4)));
    }

    @Test
    void aKeyedSaleCommittedWhoseCommitAnswerWasLostIsAnsweredWithItsTicketsAndKeys() throws Exception {
        String concertId = api.createConcert(3).get("id").stringValue();
        // keyed purchases on PostgreSQL: the one-statement sale inside the transaction that records the keys
        BoxOffice boxOffice = boxOffice(new Tickets(jdbc, dataSource), losingCommitAnswers(dataSource));
        List<String> keyValues = IntStream.range(0, 4)
                .mapToObj(i -> "lost-commit-" + UUID.randomUUID())
                .toList();

        List<PurchaseOutcome> outcomes = outcomes(IntStream.range(0, 4)
                .mapToObj(i -> boxOffice.purchase(
                        concertId,
                        ApiClient.user(1 + i),
                        TestClaims.claim(PurchaseReceipts.SCOPE, keyValues.get(i), "fingerprint-" + i)))
                .toList());

        assertThreeSoldOneSoldOutAsCommitted(concertId, outcomes);
        Map<String, KeyRecord> recorded = keys.find(PurchaseReceipts.SCOPE, keyValues);
        for (int i = 0; i < 4; i++) {
            KeyRecord record = recorded.get(keyValues.get(i));
            assertThat(record)
                    .as("the key of purchase %d, committed with its answer", i)
                    .isNotNull();
            if (outcomes.get(i) instanceof PurchaseOutcome.Sold sold) {
                assertThat(record.status()).isEqualTo(201);
                assertThat(record.resourceId()).isEqualTo(sold.ticket().id());
            } else {
                assertThat(record.status()).isEqualTo(422);
            }
        }
    }

    @Test
    void aTransactionThatSoldNothingKeepsItsRefusalWhenItsCommitAnswerIsLost() throws Exception {
        String concertId = api.createConcert(1).get("id").stringValue();
        assertThat(api.purchase(concertId, ApiClient.user(9)).status()).isEqualTo(201);
        // whether or not such a transaction commits, it took no seat: the refusal is true either way
        BoxOffice boxOffice = boxOffice(inTransactions(), rollingBackWithLostAnswers(dataSource));

        assertThat(outcomes(purchases(boxOffice, concertId, 2))).allMatch(o -> o instanceof PurchaseOutcome.SoldOut);
        assertThat(api.ticketIdsOf(concertId)).hasSize(1);
    }

    @Test
    void aLostCommitAnswerWithNothingCommittedIsUnconfirmedNotNothingSold() throws Exception {
        String concertId = api.createConcert(5).get("id").stringValue();
        BoxOffice boxOffice = boxOffice(inTransactions(), rollingBackWithLostAnswers(dataSource));

        assertUnconfirmedWithNoTicket(boxOffice, concertId);
    }

    @Test
    void aConnectionLostBeforeTheCommitSoldNothingAndSaysSo() throws Exception {
        String concertId = api.createConcert(5).get("id").stringValue();
        // the seats are taken, then the ticket insert fails as a broken connection would: the transaction never
        // reached its commit, so it rolled back
        BoxOffice boxOffice = boxOffice(
                new Tickets(jdbc, dataSource) {
                    @Override
                    boolean sellsInOneStatement() {
                        return false;
                    }

                    @Override
                    void insert(String concert, List<String> ids, List<String> users, OffsetDateTime at) {
                        throw CONNECTION_LOST;
                    }
                },
                transactions);

        assertThat(outcomes(purchases(boxOffice, concertId, 2))).allMatch(o -> o instanceof PurchaseOutcome.Failed);
        assertThat(api.ticketIdsOf(concertId)).isEmpty();
        assertThat(jdbc.sql("SELECT sold FROM concerts WHERE id = ?")
                        .param(concertId)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    /** Two buyers of a concert with seats left, both unconfirmed, and no ticket of it written. */
    private void assertUnconfirmedWithNoTicket(BoxOffice boxOffice, String concertId) throws Exception {
        assertThat(outcomes(purchases(boxOffice, concertId, 2)))
                .allMatch(o -> o instanceof PurchaseOutcome.Unconfirmed);
        assertThat(api.ticketIdsOf(concertId)).isEmpty();
    }

    /** Four buyers of three seats: three tickets, exactly the rows committed, and one sold-out. */
    private void assertThreeSoldOneSoldOutAsCommitted(String concertId, List<PurchaseOutcome> outcomes) {
        List<String> sold = outcomes.stream()
                .filter(o -> o instanceof PurchaseOutcome.Sold)
                .map(o -> ((PurchaseOutcome.Sold) o).ticket().id())
                .toList();
        assertThat(sold).hasSize(3);
        assertThat(outcomes)
                .filteredOn(o -> o instanceof PurchaseOutcome.SoldOut)
                .hasSize(1);
        assertThat(api.ticketIdsOf(concertId)).containsExactlyInAnyOrderElementsOf(sold);
    }

    /**
     * H2's transactional sale (a locked read, an increment and an insert) run on PostgreSQL: the one-statement
     * sale switched off.
     */
    private Tickets inTransactions() {
        return new Tickets(jdbc, dataSource) {
            @Override
            boolean sellsInOneStatement() {
                return false;
            }
        };
    }

    /**
     * Runs the real statement first or not at all, then fails as a broken connection would; the first call waits
     * for {@code release} first.
     */
    private class LosingAnswers extends Tickets {
        private final boolean commitFirst;
        private final RuntimeException failure;
        private final CountDownLatch release;

        LosingAnswers(boolean commitFirst, RuntimeException failure, CountDownLatch release) {
            super(jdbc, dataSource);
            this.commitFirst = commitFirst;
            this.failure = failure;
            this.release = release;
        }

        @Override
        OptionalInt sellInOneStatement(String concertId, List<String> ids, List<String> userIds, OffsetDateTime at) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (commitFirst) {
                super.sellInOneStatement(concertId, ids, userIds, at);
            }
            throw failure;
        }
    }

    private BoxOffice boxOffice(Tickets tickets) {
        return boxOffice(tickets, transactions);
    }

    private BoxOffice boxOffice(Tickets tickets, TransactionTemplate transactions) {
        return new BoxOffice(concerts, tickets, receipts, transactions, settings, database, new SimpleMeterRegistry());
    }
}
