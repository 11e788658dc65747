package org.ticketoverflow.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ticketoverflow.tickets.BoxOfficeCalls.CONNECTION_LOST;
import static org.ticketoverflow.tickets.BoxOfficeCalls.losingCommitAnswers;
import static org.ticketoverflow.tickets.BoxOfficeCalls.outcomes;
import static org.ticketoverflow.tickets.BoxOfficeCalls.purchases;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketoverflow.concerts.Concerts;
import org.ticketoverflow.idempotency.IdempotencyKeys;
import org.ticketoverflow.idempotency.KeyClaim;
import org.ticketoverflow.idempotency.KeyRecord;
import org.ticketoverflow.idempotency.TestClaims;
import org.ticketoverflow.support.ApiClient;
import org.ticketoverflow.support.HttpScenario;
import org.ticketoverflow.support.OnPostgres;
import org.ticketoverflow.web.DatabaseReachability;

/**
 * Batches of several concerts sold together on PostgreSQL: in one statement without keys, each concert under its
 * own capacity, as if sold alone; statements that lock the same concerts in any order never deadlock; a commit
 * slot's turn takes the windows waiting in line and sells them together; a lost answer is still answered by what
 * each batch's own ticket ids show was committed. With keys, the same statement runs in one transaction that
 * records every key of the turn: such transactions never deadlock on their rows or their keys, a key recorded
 * already sends the turn round again without that purchase, a key twice in one turn is 409 for the second, and a
 * lost commit answer is answered by the tickets found.
 */
@OnPostgres
class SalesOfSeveralConcertsOnPostgresIntegrationTests extends HttpScenario {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2027, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @Autowired
    private Tickets tickets;

    @Autowired
    private Concerts concerts;

    @Autowired
    private PurchaseReceipts receipts;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private DatabaseReachability database;

    @Autowired
    private IdempotencyKeys idempotencyKeys;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private DataSource dataSource;

    private final TicketIds ids = new TicketIds(Clock.systemUTC());

    @Test
    void eachConcertOfTheStatementSellsUnderItsOwnCapacityAndTheOthersSellNothing() {
        String roomy = api.createConcert(5).get("id").stringValue();
        String small = api.createConcert(2).get("id").stringValue();
        String cancelled = api.createConcert(10, "CANCELLED").get("id").stringValue();
        Tickets.ConcertSale toRoomy = sale(roomy, 3);
        Tickets.ConcertSale toSmall = sale(small, 4);

        Map<String, Integer> granted = tickets.sellSeveralInOneStatement(
                List.of(toRoomy, sale(cancelled, 2), toSmall, sale("no-such-concert", 1)), NOW);

        assertThat(granted).containsOnly(Map.entry(roomy, 3), Map.entry(small, 2));
        assertThat(api.ticketIdsOf(roomy)).containsExactlyInAnyOrderElementsOf(toRoomy.ids());
        assertThat(api.ticketIdsOf(small))
                .containsExactlyInAnyOrderElementsOf(toSmall.ids().subList(0, 2));
        assertThat(api.ticketIdsOf(cancelled)).isEmpty();
        assertThat(api.concert(small).get("status").stringValue()).isEqualTo("SOLD_OUT");
        assertThat(api.concert(roomy).get("status").stringValue()).isEqualTo("ACTIVE");
        assertThat(api.concert(cancelled).get("status").stringValue()).isEqualTo("CANCELLED");
        assertThat(sold(roomy)).isEqualTo(3);
        assertThat(sold(small)).isEqualTo(2);
        // the tickets carry their own concert and buyer, not the statement's first concert's
        assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets WHERE concert_id = ? AND user_id = ?")
                        .params(small, ApiClient.user(2))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    /** A concert twice would have its row updated once but both batches' tickets inserted: refused, unwritten. */
    @Test
    void aStatementNamingOneConcertTwiceIsRefusedAndWritesNothing() {
        String concertId = api.createConcert(10).get("id").stringValue();

        assertThatThrownBy(
                        () -> tickets.sellSeveralInOneStatement(List.of(sale(concertId, 2), sale(concertId, 3)), NOW))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(api.ticketIdsOf(concertId)).isEmpty();
        assertThat(sold(concertId)).isZero();
    }

    /**
     * Four threads sell the same three concerts at once, each listing them in another order, some through the
     * one-concert statement: a statement that locked its rows in the order given would deadlock with another
     * (PostgreSQL would abort one of them); this one locks them in id order, so every statement goes through.
     */
    @Test
    void statementsLockingTheSameConcertsInAnyOrderNeverDeadlockNorOversell() throws Exception {
        int capacity = 1_000;
        List<String> concertIds = IntStream.range(0, 3)
                .mapToObj(i -> api.createConcert(capacity).get("id").stringValue())
                .toList();
        List<List<String>> orders = List.of(
                concertIds,
                concertIds.reversed(),
                List.of(concertIds.get(1), concertIds.get(0), concertIds.get(2)),
                List.of(concertIds.get(2)));
        List<Integer> grantedPerStatement = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(orders.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (List<String> order : orders) {
                runs.add(threads.submit(() -> {
                    for (int round = 0; round < 150; round++) {
                        if (order.size() == 1) {
                            Tickets.ConcertSale alone = sale(order.getFirst(), 3);
                            OptionalInt sold =
                                    tickets.sellInOneStatement(alone.concertId(), alone.ids(), alone.userIds(), NOW);
                            grantedPerStatement.add(sold.orElse(0));
                        } else {
                            List<Tickets.ConcertSale> sales =
                                    order.stream().map(id -> sale(id, 3)).toList();
                            grantedPerStatement.add(tickets.sellSeveralInOneStatement(sales, NOW).values().stream()
                                    .mapToInt(Integer::intValue)
                                    .sum());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        int sold = 0;
        for (String concertId : concertIds) {
            assertThat(sold(concertId)).isLessThanOrEqualTo(capacity);
            assertThat(api.ticketIdsOf(concertId)).hasSize(sold(concertId));
            sold += sold(concertId);
        }
        // 3 x 150 x 3 x 3 + 150 x 3 = 4,500 tickets wanted of 3,000 seats: every seat sold, none twice
        assertThat(sold).isEqualTo(3 * capacity);
        assertThat(grantedPerStatement.stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(3 * capacity);
    }

    /**
     * The keyed form: four threads each run transactions that sell two of four concerts (pairs that overlap, each
     * listed in another order, and pairs that do not, so that two transactions can reach their key inserts at once)
     * and then record the same three keys, a fresh three per round, each thread listing them in another order: nodes
     * whose buyers retry on each other. Rows locked in id order and keys inserted in key order: every transaction
     * commits or meets a recorded key (a unique violation, rolled back with its seats), none is aborted as a
     * deadlock, and no seat is sold twice.
     */
    @Test
    void keyedSalesOfSeveralInTransactionsNeverDeadlockOnTheirRowsOrTheirKeys() throws Exception {
        int capacity = 10_000;
        int rounds = 300;
        List<String> concertIds = IntStream.range(0, 4)
                .mapToObj(i -> api.createConcert(capacity).get("id").stringValue())
                .toList();
        String run = UUID.randomUUID().toString();
        List<List<Integer>> concertsOf = List.of(List.of(0, 1), List.of(3, 2), List.of(1, 3), List.of(2, 0));
        List<List<Integer>> keysOf = List.of(List.of(0, 1, 2), List.of(2, 1, 0), List.of(1, 2, 0), List.of(2, 0, 1));
        List<Integer> committed = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(concertsOf.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < concertsOf.size(); t++) {
                List<Integer> concertOrder = concertsOf.get(t);
                List<Integer> keyOrder = keysOf.get(t);
                runs.add(threads.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        List<Tickets.ConcertSale> sales = concertOrder.stream()
                                .map(i -> sale(concertIds.get(i), 2))
                                .toList();
                        List<KeyRecord> records = new ArrayList<>();
                        for (int i : keyOrder) {
                            records.add(claim(run + "-" + round + "-" + i).key().created("ticket-" + i));
                        }
                        try {
                            committed.add(transactions.execute(tx -> {
                                int granted = tickets.sellSeveralInTransaction(sales, NOW).values().stream()
                                        .mapToInt(Integer::intValue)
                                        .sum();
                                idempotencyKeys.insert(records);
                                return granted;
                            }));
                        } catch (DuplicateKeyException recordedAlready) {
                            // another thread recorded one of this round's keys first: rolled back, seats included
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : runs) {
                each.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(failures)
                .as("transactions aborted other than by a recorded key")
                .isEmpty();
        // each round's three keys are recorded by exactly one thread's transaction, so one commits per round
        assertThat(committed).hasSize(rounds);
        int sold = 0;
        for (String concertId : concertIds) {
            assertThat(api.ticketIdsOf(concertId)).hasSize(sold(concertId));
            sold += sold(concertId);
        }
        assertThat(sold).isEqualTo(rounds * 2 * 2);
        assertThat(committed.stream().mapToInt(Integer::intValue).sum()).isEqualTo(sold);
    }

    @Test
    void aTurnSellsTheBatchesOfTheWindowsWaitingInLineInOneStatement() throws Exception {
        String blocker = api.createConcert(10).get("id").stringValue();
        String small = api.createConcert(2).get("id").stringValue();
        String roomy = api.createConcert(10).get("id").stringValue();
        String cancelled = api.createConcert(10, "CANCELLED").get("id").stringValue();
        CountDownLatch allQueued = new CountDownLatch(1);
        Watched watched = new Watched(blocker, allQueued, false);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BoxOffice boxOffice = oneSlot(watched, meters);

        // the blocker's batch holds the one commit slot (once it is in its statement, so it cannot take the
        // others with it) until the others wait in line behind it
        CompletableFuture<PurchaseOutcome> first = watched.holdTheSlot(boxOffice);
        List<CompletableFuture<PurchaseOutcome>> toSmall = purchases(boxOffice, small, 3);
        List<CompletableFuture<PurchaseOutcome>> toRoomy = purchases(boxOffice, roomy, 2);
        List<CompletableFuture<PurchaseOutcome>> toCancelled = purchases(boxOffice, cancelled, 1);
        List<CompletableFuture<PurchaseOutcome>> toUnknown = purchases(boxOffice, "no-such-concert", 1);
        allQueued.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(PurchaseOutcome.Sold.class);
        assertThat(outcomes(toSmall))
                .extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Sold", "Sold", "SoldOut");
        assertThat(outcomes(toRoomy)).allMatch(o -> o instanceof PurchaseOutcome.Sold);
        assertThat(outcomes(toCancelled)).allMatch(o -> o instanceof PurchaseOutcome.Cancelled);
        assertThat(outcomes(toUnknown)).allMatch(o -> o instanceof PurchaseOutcome.UnknownConcert);

        assertThat(watched.statements)
                .as("the concerts of each statement of several")
                .containsExactly(List.of(small, roomy, cancelled, "no-such-concert"));
        assertThat(api.ticketIdsOf(small)).containsExactlyInAnyOrderElementsOf(soldTicketIds(outcomes(toSmall)));
        assertThat(api.ticketIdsOf(roomy)).containsExactlyInAnyOrderElementsOf(soldTicketIds(outcomes(toRoomy)));
        assertThat(api.ticketIdsOf(cancelled)).isEmpty();
        assertThat(api.concert(small).get("status").stringValue()).isEqualTo("SOLD_OUT");
        assertTheBlockersSaleThenOneOf(meters, 7);
    }

    @Test
    void aStatementOfSeveralCommittedWhoseAnswerWasLostIsAnsweredWithEachBatchsTickets() throws Exception {
        String blocker = api.createConcert(10).get("id").stringValue();
        String small = api.createConcert(2).get("id").stringValue();
        String roomy = api.createConcert(10).get("id").stringValue();
        CountDownLatch allQueued = new CountDownLatch(1);
        Watched losing = new Watched(blocker, allQueued, true);
        BoxOffice boxOffice = oneSlot(losing, new SimpleMeterRegistry());

        CompletableFuture<PurchaseOutcome> first = losing.holdTheSlot(boxOffice);
        List<CompletableFuture<PurchaseOutcome>> toSmall = purchases(boxOffice, small, 3);
        List<CompletableFuture<PurchaseOutcome>> toRoomy = purchases(boxOffice, roomy, 2);
        allQueued.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(PurchaseOutcome.Sold.class);
        List<PurchaseOutcome> small3 = outcomes(toSmall);
        assertThat(small3).extracting(o -> o.getClass().getSimpleName()).containsExactly("Sold", "Sold", "SoldOut");
        assertThat(outcomes(toRoomy)).allMatch(o -> o instanceof PurchaseOutcome.Sold);
        assertThat(api.ticketIdsOf(small)).containsExactlyInAnyOrderElementsOf(soldTicketIds(small3));
        assertThat(api.ticketIdsOf(roomy)).containsExactlyInAnyOrderElementsOf(soldTicketIds(outcomes(toRoomy)));
    }

    @Test
    void aStatementOfSeveralLostBeforeItRanIsUnconfirmedForEveryBatchNotNothingSold() throws Exception {
        String blocker = api.createConcert(10).get("id").stringValue();
        String first = api.createConcert(10).get("id").stringValue();
        String second = api.createConcert(10).get("id").stringValue();
        CountDownLatch allQueued = new CountDownLatch(1);
        Watched losing = new Watched(blocker, allQueued, false) {
            @Override
            Map<String, Integer> sellSeveralInOneStatement(List<ConcertSale> sales, OffsetDateTime at) {
                throw CONNECTION_LOST;
            }
        };
        BoxOffice boxOffice = oneSlot(losing, new SimpleMeterRegistry());

        CompletableFuture<PurchaseOutcome> blocking = losing.holdTheSlot(boxOffice);
        List<CompletableFuture<PurchaseOutcome>> toFirst = purchases(boxOffice, first, 2);
        List<CompletableFuture<PurchaseOutcome>> toSecond = purchases(boxOffice, second, 2);
        allQueued.countDown();

        assertThat(blocking.get(10, TimeUnit.SECONDS)).isInstanceOf(PurchaseOutcome.Sold.class);
        assertThat(outcomes(toFirst)).allMatch(o -> o instanceof PurchaseOutcome.Unconfirmed);
        assertThat(outcomes(toSecond)).allMatch(o -> o instanceof PurchaseOutcome.Unconfirmed);
        assertThat(api.ticketIdsOf(first)).isEmpty();
        assertThat(api.ticketIdsOf(second)).isEmpty();
    }

    @Test
    void keyedBatchesOfTheWindowsWaitingInLineShareOneTransactionThatRecordsTheirKeys() throws Exception {
        String blocker = api.createConcert(10).get("id").stringValue();
        String small = api.createConcert(2).get("id").stringValue();
        String roomy = api.createConcert(10).get("id").stringValue();
        String withoutKeys = api.createConcert(10).get("id").stringValue();
        CountDownLatch allQueued = new CountDownLatch(1);
        Watched watched = new Watched(blocker, allQueued, false);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BoxOffice boxOffice = oneSlot(watched, meters);
        List<String> smallKeys = keys(3);
        List<String> roomyKeys = keys(2);

        CompletableFuture<PurchaseOutcome> first = watched.holdTheSlot(boxOffice);
        List<CompletableFuture<PurchaseOutcome>> toSmall = keyedPurchases(boxOffice, small, smallKeys);
        List<CompletableFuture<PurchaseOutcome>> toRoomy = keyedPurchases(boxOffice, roomy, roomyKeys);
        List<CompletableFuture<PurchaseOutcome>> unkeyed = purchases(boxOffice, withoutKeys, 1);
        allQueued.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(PurchaseOutcome.Sold.class);
        List<PurchaseOutcome> small3 = outcomes(toSmall);
        assertThat(small3).extracting(o -> o.getClass().getSimpleName()).containsExactly("Sold", "Sold", "SoldOut");
        List<PurchaseOutcome> roomy2 = outcomes(toRoomy);
        assertThat(roomy2).allMatch(o -> o instanceof PurchaseOutcome.Sold);
        assertThat(outcomes(unkeyed)).allMatch(o -> o instanceof PurchaseOutcome.Sold);
        assertThat(watched.transactions)
                .as("the concerts of each sale of several in a transaction")
                .containsExactly(List.of(small, roomy, withoutKeys));
        assertThat(watched.statements).as("sales of several on their own").isEmpty();
        assertRecorded(smallKeys, small3);
        assertRecorded(roomyKeys, roomy2);
        assertThat(api.ticketIdsOf(small)).containsExactlyInAnyOrderElementsOf(soldTicketIds(small3));
        assertThat(api.ticketIdsOf(roomy)).containsExactlyInAnyOrderElementsOf(soldTicketIds(roomy2));
        assertThat(sold(withoutKeys)).isEqualTo(1);
        assertTheBlockersSaleThenOneOf(meters, 6);
    }

    @Test
    void aKeyRecordedAlreadySendsTheTransactionOfSeveralRoundAgainWithoutItsPurchase() throws Exception {
        String blocker = api.createConcert(10).get("id").stringValue();
        String first = api.createConcert(10).get("id").stringValue();
        String second = api.createConcert(10).get("id").stringValue();
        List<String> firstKeys = keys(2);
        List<String> secondKeys = keys(1);
        // another node answered the first key already
        transactions.executeWithoutResult(tx ->
                idempotencyKeys.insert(List.of(claim(firstKeys.getFirst()).key().created("ticket-of-the-other-node"))));
        CountDownLatch allQueued = new CountDownLatch(1);
        Watched watched = new Watched(blocker, allQueued, false);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BoxOffice boxOffice = oneSlot(watched, meters);

        CompletableFuture<PurchaseOutcome> blocking = watched.holdTheSlot(boxOffice);
        List<CompletableFuture<PurchaseOutcome>> toFirst = keyedPurchases(boxOffice, first, firstKeys);
        List<CompletableFuture<PurchaseOutcome>> toSecond = keyedPurchases(boxOffice, second, secondKeys);
        allQueued.countDown();

        assertThat(blocking.get(10, TimeUnit.SECONDS)).isInstanceOf(PurchaseOutcome.Sold.class);
        List<PurchaseOutcome> first2 = outcomes(toFirst);
        assertThat(first2.getFirst())
                .isInstanceOfSatisfying(
                        PurchaseOutcome.Replayed.class,
                        replayed -> assertThat(replayed.record().resourceId()).isEqualTo("ticket-of-the-other-node"));
        assertThat(first2.get(1)).isInstanceOf(PurchaseOutcome.Sold.class);
        List<PurchaseOutcome> second1 = outcomes(toSecond);
        assertThat(second1).allMatch(o -> o instanceof PurchaseOutcome.Sold);
        assertThat(watched.transactions)
                .as("the round that met the recorded key rolled back; the next sold the rest")
                .containsExactly(List.of(first, second), List.of(first, second));
        // the rolled-back round took no seat: each concert sold exactly its one committed ticket
        assertThat(sold(first)).isEqualTo(1);
        assertThat(sold(second)).isEqualTo(1);
        assertThat(api.ticketIdsOf(first)).containsExactlyElementsOf(soldTicketIds(first2));
        assertThat(api.ticketIdsOf(second)).containsExactlyElementsOf(soldTicketIds(second1));
        assertThat(meters.get("ticketoverflow.purchase.batch.size").summary().max())
                .isEqualTo(2);
    }

    @Test
    void aKeyTwiceInOneTurnIsInUseForItsSecondPurchase() throws Exception {
        String blocker = api.createConcert(10).get("id").stringValue();
        String first = api.createConcert(10).get("id").stringValue();
        String second = api.createConcert(10).get("id").stringValue();
        List<String> key = keys(1);
        CountDownLatch allQueued = new CountDownLatch(1);
        Watched watched = new Watched(blocker, allQueued, false);
        BoxOffice boxOffice = oneSlot(watched, new SimpleMeterRegistry());

        CompletableFuture<PurchaseOutcome> blocking = watched.holdTheSlot(boxOffice);
        List<CompletableFuture<PurchaseOutcome>> toFirst = keyedPurchases(boxOffice, first, key);
        List<CompletableFuture<PurchaseOutcome>> toSecond = keyedPurchases(boxOffice, second, key);
        allQueued.countDown();

        assertThat(blocking.get(10, TimeUnit.SECONDS)).isInstanceOf(PurchaseOutcome.Sold.class);
        List<PurchaseOutcome> sold = outcomes(toFirst);
        assertThat(sold).allMatch(o -> o instanceof PurchaseOutcome.Sold);
        assertThat(outcomes(toSecond)).allMatch(o -> o instanceof PurchaseOutcome.KeyInUse);
        assertThat(api.ticketIdsOf(first)).containsExactlyElementsOf(soldTicketIds(sold));
        assertThat(api.ticketIdsOf(second)).isEmpty();
        assertThat(sold(second)).isZero();
        assertRecorded(key, sold);
    }

    @Test
    void aTransactionOfSeveralCommittedWhoseCommitAnswerWasLostIsAnsweredWithItsTicketsAndKeys() throws Exception {
        String blocker = api.createConcert(10).get("id").stringValue();
        String small = api.createConcert(1).get("id").stringValue();
        String roomy = api.createConcert(10).get("id").stringValue();
        List<String> smallKeys = keys(2);
        List<String> roomyKeys = keys(2);
        CountDownLatch allQueued = new CountDownLatch(1);
        Watched watched = new Watched(blocker, allQueued, false);
        BoxOffice boxOffice = oneSlot(watched, new SimpleMeterRegistry(), losingCommitAnswers(dataSource));

        CompletableFuture<PurchaseOutcome> blocking = watched.holdTheSlot(boxOffice);
        List<CompletableFuture<PurchaseOutcome>> toSmall = keyedPurchases(boxOffice, small, smallKeys);
        List<CompletableFuture<PurchaseOutcome>> toRoomy = keyedPurchases(boxOffice, roomy, roomyKeys);
        allQueued.countDown();

        assertThat(blocking.get(10, TimeUnit.SECONDS)).isInstanceOf(PurchaseOutcome.Sold.class);
        List<PurchaseOutcome> small2 = outcomes(toSmall);
        assertThat(small2).extracting(o -> o.getClass().getSimpleName()).containsExactly("Sold", "SoldOut");
        List<PurchaseOutcome> roomy2 = outcomes(toRoomy);
        assertThat(roomy2).allMatch(o -> o instanceof PurchaseOutcome.Sold);
        assertThat(watched.transactions).containsExactly(List.of(small, roomy));
        assertThat(api.ticketIdsOf(small)).containsExactlyElementsOf(soldTicketIds(small2));
        assertThat(api.ticketIdsOf(roomy)).containsExactlyInAnyOrderElementsOf(soldTicketIds(roomy2));
        assertRecorded(smallKeys, small2);
        assertRecorded(roomyKeys, roomy2);
    }

    /**
     * The real statements; the blocker concert's sale waits until the test has queued the others, and each
     * sale of several is noted (its concerts, in order; in {@code statements} on its own, in {@code transactions}
     * in a transaction), then run, and with {@code loseAnswers} the answer of one on its own is lost after it
     * committed.
     */
    private class Watched extends Tickets {
        private final String blocker;
        private final CountDownLatch allQueued;
        private final boolean loseAnswers;
        private final List<List<String>> statements = new CopyOnWriteArrayList<>();
        private final List<List<String>> transactions = new CopyOnWriteArrayList<>();
        private final CountDownLatch blocking = new CountDownLatch(1);

        Watched(String blocker, CountDownLatch allQueued, boolean loseAnswers) {
            super(jdbc, dataSource);
            this.blocker = blocker;
            this.allQueued = allQueued;
            this.loseAnswers = loseAnswers;
        }

        /** The blocker's purchase, once its batch holds the slot (in its statement, so it took no other window). */
        CompletableFuture<PurchaseOutcome> holdTheSlot(BoxOffice boxOffice) throws InterruptedException {
            CompletableFuture<PurchaseOutcome> purchase = boxOffice.purchase(blocker, ApiClient.user(1));
            assertThat(blocking.await(10, TimeUnit.SECONDS)).isTrue();
            return purchase;
        }

        @Override
        OptionalInt sellInOneStatement(String concertId, List<String> ids, List<String> userIds, OffsetDateTime at) {
            if (concertId.equals(blocker)) {
                blocking.countDown();
                try {
                    allQueued.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return super.sellInOneStatement(concertId, ids, userIds, at);
        }

        @Override
        Map<String, Integer> sellSeveralInOneStatement(List<ConcertSale> sales, OffsetDateTime at) {
            statements.add(sales.stream().map(ConcertSale::concertId).toList());
            Map<String, Integer> granted = super.sellSeveralInOneStatement(sales, at);
            if (loseAnswers) {
                throw CONNECTION_LOST;
            }
            return granted;
        }

        @Override
        Map<String, Integer> sellSeveralInTransaction(List<ConcertSale> sales, OffsetDateTime at) {
            transactions.add(sales.stream().map(ConcertSale::concertId).toList());
            return super.sellSeveralInTransaction(sales, at);
        }
    }

    private BoxOffice oneSlot(Tickets watched, SimpleMeterRegistry meters) {
        return oneSlot(watched, meters, transactions);
    }

    private BoxOffice oneSlot(Tickets watched, SimpleMeterRegistry meters, TransactionTemplate transactions) {
        return new BoxOffice(
                concerts,
                watched,
                receipts,
                transactions,
                new PurchaseSettings(500, 1, 4000, Duration.ofSeconds(10), Duration.ofSeconds(1)),
                database,
                meters);
    }

    private Tickets.ConcertSale sale(String concertId, int count) {
        List<String> ticketIds =
                IntStream.range(0, count).mapToObj(i -> ids.next()).toList();
        List<String> users =
                IntStream.range(0, count).mapToObj(i -> ApiClient.user(1 + i)).toList();
        return new Tickets.ConcertSale(concertId, ticketIds, users);
    }

    /** Two sales were committed: the blocker's, then one of {@code purchases} for all the others. */
    private static void assertTheBlockersSaleThenOneOf(SimpleMeterRegistry meters, int purchases) {
        DistributionSummary batches =
                meters.get("ticketoverflow.purchase.batch.size").summary();
        assertThat(batches.count())
                .as("transactions: the blocker's, then one for the rest")
                .isEqualTo(2);
        assertThat(batches.max()).isEqualTo(purchases);
    }

    private static List<String> keys(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "several-" + UUID.randomUUID())
                .toList();
    }

    private static KeyClaim claim(String key) {
        return TestClaims.claim(PurchaseReceipts.SCOPE, key, "fingerprint-of-" + key);
    }

    /** One purchase per key, by users 1, 2, ... in key order, each with a claim on its key. */
    private static List<CompletableFuture<PurchaseOutcome>> keyedPurchases(
            BoxOffice boxOffice, String concertId, List<String> keys) {
        return IntStream.range(0, keys.size())
                .mapToObj(i -> boxOffice.purchase(concertId, ApiClient.user(1 + i), claim(keys.get(i))))
                .toList();
    }

    /** Each key is recorded with its purchase's answer: 201 and the ticket, or 422 (sold out). */
    private void assertRecorded(List<String> keys, List<PurchaseOutcome> outcomes) {
        Map<String, KeyRecord> recorded = idempotencyKeys.find(PurchaseReceipts.SCOPE, keys);
        for (int i = 0; i < keys.size(); i++) {
            KeyRecord record = recorded.get(keys.get(i));
            assertThat(record).as("the record of key %d", i).isNotNull();
            if (outcomes.get(i) instanceof PurchaseOutcome.Sold sold) {
                assertThat(record.status()).isEqualTo(201);
                assertThat(record.resourceId()).isEqualTo(sold.ticket().id());
            } else {
                assertThat(record.status()).isEqualTo(422);
            }
        }
    }

    private int sold(String concertId) {
        return jdbc.sql("SELECT sold FROM concerts WHERE id = ?")
                .param(concertId)
                .query(Integer.class)
                .single();
    }

    private static List<String> soldTicketIds(List<PurchaseOutcome> outcomes) {
        return outcomes.stream()
                .filter(o -> o instanceof PurchaseOutcome.Sold)
                .map(o -> ((PurchaseOutcome.Sold) o).ticket().id())
                .toList();
    }
}
