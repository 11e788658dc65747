package org.ticketoverflow.tickets;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketoverflow.concerts.Concerts;
import org.ticketoverflow.concerts.SeatGrant;
import org.ticketoverflow.idempotency.KeyClaim;
import org.ticketoverflow.web.DatabaseReachability;

/**
 * Sells tickets by group commit. Every purchase of a concert joins that concert's window; one drainer per window
 * takes whatever has queued while the previous batch committed and sells it in ONE transaction: one conditional
 * seat increment for the whole batch, one multi-row insert. On PostgreSQL a batch without idempotency keys is
 * ONE statement, auto-committed: the seat increment and the insert in one round trip instead of four (the
 * drainer's cycle is the ceiling of a hot concert, see docs/benchmarks.md). Then each waiter gets its own answer:
 * the first {@code granted} get tickets, the rest are refused. Buyers of one concert thus pay for one row lock
 * and one commit per batch instead of one each; windows of different concerts drain independently.
 *
 * <p>At most {@code maxConcurrentBatches} statements or transactions commit at once in a node, whatever the
 * number of concerts on sale: the database does better with a few big transactions than with many small ones
 * that fight for its cores and its WAL. The slots are that many threads taking windows in turn from one line: a
 * window waiting for a slot keeps collecting purchases, so its next batch is bigger; slots are handed out fairly
 * (first come, first served). On PostgreSQL a slot's turn takes the windows waiting behind its own as well and
 * sells their batches in one statement, or in one transaction if any has keys (one commit for several concerts,
 * which matters when many are on sale and each batch holds two or three purchases); those batches then wait for
 * each other's row locks, which is the price of sharing the commit.
 *
 * <p>A purchase with an idempotency key has its answer recorded by {@link PurchaseReceipts} in the same
 * transaction (one more multi-row insert per transaction; on PostgreSQL the seats and tickets are the sale
 * statement, run inside that transaction), so its ticket and its key commit together. If one of the
 * transaction's keys is recorded already (a retry, or another node was first), it rolls back, those purchases
 * are answered from the record, and the rest are sold again in a new transaction.
 *
 * <p>Waiting is bounded: past {@code maxWaiting} purchases in the node, new ones are shed at once (503) rather
 * than queued into a timeout. Hazard: a future that is never completed would hang its request; every path out of
 * {@link #takeTurn} completes every future it took.
 */
@Component
public class BoxOffice {

    private static final Logger log = LoggerFactory.getLogger(BoxOffice.class);

    private final Concerts concerts;
    private final Tickets tickets;
    private final PurchaseReceipts receipts;
    private final TransactionTemplate transactions;
    private final PurchaseSettings settings;
    private final DatabaseReachability database;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final ExecutorService commitSlots;
    private final Queue<Window> inLine = new ConcurrentLinkedQueue<>();
    private final DistributionSummary batchSizes;
    private final MeterRegistry meters;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final TicketIds ticketIds = new TicketIds(Clock.systemUTC());

    BoxOffice(
            Concerts concerts,
            Tickets tickets,
            PurchaseReceipts receipts,
            TransactionTemplate transactions,
            PurchaseSettings settings,
            DatabaseReachability database,
            MeterRegistry meters) {
        this.concerts = concerts;
        this.tickets = tickets;
        this.receipts = receipts;
        this.transactions = transactions;
        this.settings = settings;
        this.database = database;
        this.meters = meters;
        // platform threads, not virtual ones: a batch's database round trips (up to five) must not queue behind every
        // request thread for the two carriers each time its socket read returns (docs/benchmarks.md)
        this.commitSlots = Executors.newFixedThreadPool(
                settings.maxConcurrentBatches(),
                Thread.ofPlatform().daemon().name("purchase-batch-", 0).factory());
        this.batchSizes = DistributionSummary.builder("ticketoverflow.purchase.batch.size")
                .description("purchases committed per statement or transaction")
                .register(meters);
        meters.gauge("ticketoverflow.purchase.waiting", waiting);
    }

    CompletableFuture<PurchaseOutcome> purchase(String concertId, String userId) {
        return purchase(concertId, userId, null);
    }

    /** A purchase whose key (null: none) is recorded with its outcome, in the transaction of its batch. */
    CompletableFuture<PurchaseOutcome> purchase(String concertId, String userId, KeyClaim claim) {
        if (waiting.incrementAndGet() > settings.maxWaiting()) {
            waiting.decrementAndGet();
            return CompletableFuture.completedFuture(count(new PurchaseOutcome.Shed()));
        }
        Purchase purchase = new Purchase(concertId, userId, claim, new CompletableFuture<>());
        Window window = windows.computeIfAbsent(concertId, Window::new);
        window.queue.add(purchase);
        if (window.draining.compareAndSet(false, true)) {
            waitForSlot(window);
        }
        return purchase.outcome.whenComplete((outcome, error) -> waiting.decrementAndGet());
    }

    int waiting() {
        return waiting.get();
    }

    /**
     * The window joins the line for a commit slot, with one slot task for it. A task takes the window at the head
     * of the line, and on PostgreSQL the windows behind it as well, so a task may find the line empty: its window
     * went with an earlier task's turn. There are never fewer tasks than windows in line, so none is left behind.
     */
    private void waitForSlot(Window window) {
        inLine.add(window);
        commitSlots.execute(this::takeTurn);
    }

    /**
     * One turn of a commit slot. The batches are taken only now, so they kept growing while their windows waited
     * for the slot. On PostgreSQL the turn takes the windows waiting behind the first one too, up to
     * {@code maxBatch} purchases in all, and sells their batches together (see {@link #sell(List)}): with many
     * concerts on sale each batch is small, and a statement and a commit per concert would cost the database more
     * than the tickets do. A window with more to sell goes to the back of the line, so slots go round fairly.
     */
    private void takeTurn() {
        Window window = inLine.poll();
        if (window == null) {
            return;
        }
        List<Batch> batches = new ArrayList<>();
        int room = settings.maxBatch();
        boolean more;
        do {
            List<Purchase> purchases = window.take(room);
            room -= purchases.size();
            batches.add(new Batch(window, purchases));
            more = room > 0 && tickets.sellsInOneStatement();
        } while (more && (window = inLine.poll()) != null);
        sell(batches);
        for (Batch batch : batches) {
            if (batch.purchases.isEmpty()) {
                idle(batch.window);
            } else {
                waitForSlot(batch.window);
            }
        }
    }

    private void idle(Window window) {
        window.draining.set(false);
        if (window.queue.isEmpty()) {
            // an idle window goes, so unknown concert ids cannot grow the map; a late arrival that still
            // holds this window drains it itself (it wins the flag), correctness never depends on the map
            windows.remove(window.concertId, window);
            return;
        }
        // a purchase arrived between take() and set(false): whoever wins the flag drains it
        if (window.draining.compareAndSet(false, true)) {
            waitForSlot(window);
        }
    }

    /**
     * A turn's batches. On PostgreSQL the batches of several concerts are sold together: in one statement if none
     * has keys, else in one transaction that records the keys too. A batch alone, or a concert's second batch, is
     * sold by itself.
     */
    private void sell(List<Batch> batches) {
        if (!database.reachable()) {
            // known to be down: fail at once rather than make the batches wait for the pool's timeout
            batches.forEach(b -> b.purchases.forEach(p -> p.outcome.complete(count(new PurchaseOutcome.Failed(null)))));
            return;
        }
        List<Batch> together = new ArrayList<>(batches.size());
        List<Batch> alone = new ArrayList<>(batches.size());
        Set<String> concertsTogether = new HashSet<>();
        for (Batch batch : batches) {
            if (batch.purchases.isEmpty()) {
                continue;
            }
            // a concert can have two windows in line (one went idle and was replaced while a late arrival still
            // held it): the statement takes each concert once, so the second batch goes alone
            boolean joins = tickets.sellsInOneStatement() && concertsTogether.add(batch.window.concertId);
            (joins ? together : alone).add(batch);
        }
        if (together.size() == 1) {
            alone.add(together.removeFirst());
        }
        if (!together.isEmpty() && together.stream().allMatch(b -> withoutKeys(b.purchases))) {
            sellTogether(together);
        } else if (!together.isEmpty()) {
            sellInRounds(together);
        }
        alone.forEach(batch -> sellInRounds(List.of(batch)));
    }

    /**
     * Batches of several concerts, none with keys, in one auto-committed statement (see
     * {@link Tickets#sellSeveralInOneStatement}); each batch is then answered as if it had been sold alone.
     */
    private void sellTogether(List<Batch> together) {
        List<Tickets.ConcertSale> sales = sales(together);
        Map<String, Integer> granted;
        try {
            granted = tickets.sellSeveralInOneStatement(sales, Instant.now().atOffset(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            boolean wroteNothing = Tickets.wroteNothing(e);
            for (int i = 0; i < together.size(); i++) {
                Batch batch = together.get(i);
                if (wroteNothing) {
                    fail(batch.window.concertId, batch.purchases, e);
                } else {
                    // the statement is atomic: each batch's own ticket ids tell whether it committed
                    complete(afterLostAnswer(
                            batch.window.concertId,
                            batch.purchases,
                            sales.get(i).ids(),
                            e));
                }
            }
            return;
        }
        batchSizes.record(size(together));
        for (int i = 0; i < together.size(); i++) {
            Batch batch = together.get(i);
            String concertId = batch.window.concertId;
            Map<Purchase, PurchaseOutcome> outcomes = new LinkedHashMap<>();
            try {
                answer(concertId, batch.purchases, sales.get(i).ids(), grant(batch, granted), outcomes);
            } catch (RuntimeException e) {
                // only a batch granted nothing reads why (the concert's row), so it sold nothing either way
                fail(concertId, batch.purchases, e);
                continue;
            }
            complete(outcomes);
        }
    }

    private static boolean withoutKeys(List<Purchase> purchases) {
        return purchases.stream().allMatch(p -> p.claim == null);
    }

    /**
     * Sells batches until each of their purchases is answered: one batch without keys on PostgreSQL in one
     * statement, anything else in one transaction. Batches that meet recorded keys go round again without those
     * purchases; every such round answers at least one purchase or fails the rest, so they take at most one round
     * per purchase. No lower cap: a batch whose keys another node is committing one by one (retries sent to both
     * nodes) loses a round to each of them, and giving up early would answer 503 where a replay of the other
     * node's ticket is the answer.
     */
    private void sellInRounds(List<Batch> batches) {
        List<Batch> open = batches;
        while (!open.isEmpty()) {
            List<Batch> selling = open;
            Map<Purchase, PurchaseOutcome> outcomes;
            try {
                outcomes = selling.size() == 1
                                && tickets.sellsInOneStatement()
                                && withoutKeys(selling.getFirst().purchases)
                        ? sellInOneStatement(selling.getFirst().window.concertId, selling.getFirst().purchases)
                        : sellInTransaction(selling);
            } catch (DuplicateKeyException raced) {
                // one of these keys is recorded already (a retry, or another node was first): answer from the record
                open = answerRaced(selling, raced);
                continue;
            } catch (RuntimeException e) {
                selling.forEach(batch -> fail(batch.window.concertId, batch.purchases, e));
                return;
            }
            batchSizes.record(size(selling));
            complete(outcomes);
            return;
        }
    }

    /**
     * Batches in one transaction (keyed purchases, or a database without the one-statement sale). If the commit's
     * answer is lost (the connection broke after the work was done and COMMIT sent), the transaction may have
     * committed all the same: its ticket ids tell, as after a lost one-statement answer. A failure before that
     * point rolled everything back, so it still answers "nothing was sold".
     */
    private Map<Purchase, PurchaseOutcome> sellInTransaction(List<Batch> batches) {
        Sale sale = new Sale();
        try {
            return transactions.execute(tx -> commit(batches, sale));
        } catch (RuntimeException e) {
            if (sale.outcomes == null || Tickets.wroteNothing(e)) {
                throw e;
            }
            return afterLostCommit(batches, sale, e);
        }
    }

    /**
     * One transaction: the seats and tickets, one key insert for all its keyed purchases (a key twice: 409 for the
     * second), the commit. On PostgreSQL the seats and tickets are one statement, the one-statement sale's (one
     * concert) or the several-concert one; on H2 a locked read, an increment and an insert.
     */
    private Map<Purchase, PurchaseOutcome> commit(List<Batch> batches, Sale sale) {
        Map<Purchase, PurchaseOutcome> outcomes = receipts.duplicates(purchases(batches));
        List<Batch> selling = without(batches, outcomes);
        OffsetDateTime at = Instant.now().atOffset(ZoneOffset.UTC);
        List<String> sold = new ArrayList<>();
        if (selling.size() > 1) {
            List<Tickets.ConcertSale> sales = sales(selling);
            Map<String, Integer> granted = tickets.sellSeveralInTransaction(sales, at);
            for (int i = 0; i < selling.size(); i++) {
                Batch batch = selling.get(i);
                SeatGrant grant = grant(batch, granted);
                List<String> ids = sales.get(i).ids().subList(0, grant.granted());
                answer(batch.window.concertId, batch.purchases, ids, grant, outcomes);
                sold.addAll(ids);
            }
        } else if (selling.size() == 1) {
            String concertId = selling.getFirst().window.concertId;
            List<Purchase> batch = selling.getFirst().purchases;
            SeatGrant seats;
            List<String> ids;
            if (tickets.sellsInOneStatement()) {
                List<String> offered = newTicketIds(batch.size());
                seats = grant(
                        concertId,
                        tickets.sellInTransaction(concertId, offered, users(batch, batch.size()), at),
                        batch.size());
                ids = offered.subList(0, seats.granted());
            } else {
                seats = concerts.takeSeats(concertId, batch.size());
                ids = newTicketIds(seats.granted());
                if (!ids.isEmpty()) {
                    tickets.insert(concertId, ids, users(batch, ids.size()), at);
                }
            }
            answer(concertId, batch, ids, seats, outcomes);
            sold.addAll(ids);
        }
        receipts.record(outcomes);
        sale.done(sold, outcomes);
        return outcomes;
    }

    /** The seats a sale of several concerts granted one of its batches (see below). */
    private SeatGrant grant(Batch batch, Map<String, Integer> granted) {
        Integer seats = granted.get(batch.window.concertId);
        return grant(
                batch.window.concertId,
                seats == null ? OptionalInt.empty() : OptionalInt.of(seats),
                batch.purchases.size());
    }

    /** The seats a sale statement granted; if none, why not, read right after it (in its transaction, if any). */
    private SeatGrant grant(String concertId, OptionalInt sold, int requested) {
        return sold.isPresent()
                ? SeatGrant.of(sold.getAsInt(), requested)
                : new SeatGrant(0, concerts.seatRefusal(concertId));
    }

    /**
     * The transaction did all its work, but the commit's answer was lost. If all its tickets are found it
     * committed, and the batch is answered as it was decided; if it sold none, its refusals are true either way
     * (there was nothing to sell). Otherwise it is unconfirmed: it may still commit, so neither a ticket nor
     * "nothing was sold" would be a true answer; a retry with the same key, once this one is answered, replays
     * whatever committed.
     */
    private Map<Purchase, PurchaseOutcome> afterLostCommit(List<Batch> batches, Sale sale, RuntimeException lost) {
        int size = size(batches);
        List<String> concertIds = batches.stream().map(b -> b.window.concertId).toList();
        if (sale.ids.isEmpty()) {
            log.warn(
                    "purchase batch of {} for concerts {}: commit answer lost; it sold nothing, answered with its refusals",
                    size,
                    concertIds,
                    lost);
            return sale.outcomes;
        }
        int found = committedTickets(sale.ids, lost);
        if (found == sale.ids.size()) {
            log.warn(
                    "purchase batch of {} for concerts {}: commit answer lost, all {} of its tickets found committed",
                    size,
                    concertIds,
                    found,
                    lost);
            return sale.outcomes;
        }
        log.error(
                "purchase batch of {} for concerts {}: commit answer lost, its tickets not found; answered as unconfirmed",
                size,
                concertIds,
                lost);
        Map<Purchase, PurchaseOutcome> outcomes = new LinkedHashMap<>();
        sale.outcomes.forEach((purchase, outcome) -> outcomes.put(
                purchase,
                outcome instanceof PurchaseOutcome.KeyInUse ? outcome : new PurchaseOutcome.Unconfirmed(lost)));
        return outcomes;
    }

    /**
     * A batch without idempotency keys, on PostgreSQL: seats and tickets in one auto-committed statement (see
     * {@link Tickets#sellInOneStatement}); the purchases past the seats granted are refused.
     */
    private Map<Purchase, PurchaseOutcome> sellInOneStatement(String concertId, List<Purchase> batch) {
        List<String> ids = newTicketIds(batch.size());
        OptionalInt sold;
        try {
            sold = tickets.sellInOneStatement(
                    concertId, ids, users(batch, batch.size()), Instant.now().atOffset(ZoneOffset.UTC));
        } catch (RuntimeException e) {
            if (Tickets.wroteNothing(e)) {
                throw e;
            }
            return afterLostAnswer(concertId, batch, ids, e);
        }
        Map<Purchase, PurchaseOutcome> outcomes = new LinkedHashMap<>();
        answer(concertId, batch, ids, grant(concertId, sold, batch.size()), outcomes);
        return outcomes;
    }

    /**
     * The statement's answer was lost (the connection broke on the way there or back), so it may have committed:
     * its own ticket ids tell. It inserts the tickets of the first {@code granted} ids, so if some are found the
     * batch is answered as that sale was (the first that many sold, the rest refused as sold out). If none are
     * found, or they cannot be looked for, the sale is unconfirmed: it may still commit, so neither a ticket nor
     * "nothing was sold" would be a true answer.
     */
    private Map<Purchase, PurchaseOutcome> afterLostAnswer(
            String concertId, List<Purchase> batch, List<String> ids, RuntimeException lost) {
        int found = committedTickets(ids, lost);
        Map<Purchase, PurchaseOutcome> outcomes = new LinkedHashMap<>();
        if (found == 0) {
            log.error(
                    "purchase batch of {} for concert {}: answer lost, none of its tickets found; answered as unconfirmed",
                    batch.size(),
                    concertId,
                    lost);
            batch.forEach(p -> outcomes.put(p, new PurchaseOutcome.Unconfirmed(lost)));
            return outcomes;
        }
        log.warn(
                "purchase batch of {} for concert {}: answer lost, {} of its tickets found committed",
                batch.size(),
                concertId,
                found,
                lost);
        answer(concertId, batch, ids, SeatGrant.of(found, batch.size()), outcomes);
        return outcomes;
    }

    /** How many of a batch's tickets are committed after its answer was lost; 0 if the database cannot tell. */
    private int committedTickets(List<String> ids, RuntimeException lost) {
        try {
            return tickets.existing(ids);
        } catch (RuntimeException e) {
            lost.addSuppressed(e);
            return 0;
        }
    }

    /** Each batch's sale: as many new ticket ids as it has purchases, and their buyers. */
    private List<Tickets.ConcertSale> sales(List<Batch> batches) {
        return batches.stream()
                .map(b -> new Tickets.ConcertSale(
                        b.window.concertId, newTicketIds(b.purchases.size()), users(b.purchases, b.purchases.size())))
                .toList();
    }

    private static int size(List<Batch> batches) {
        return batches.stream().mapToInt(b -> b.purchases.size()).sum();
    }

    /** The purchases of the batches, in batch order. */
    private static List<Purchase> purchases(List<Batch> batches) {
        if (batches.size() == 1) {
            return batches.getFirst().purchases;
        }
        List<Purchase> purchases = new ArrayList<>();
        batches.forEach(b -> purchases.addAll(b.purchases));
        return purchases;
    }

    private List<String> newTicketIds(int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(ticketIds.next());
        }
        return ids;
    }

    private static List<String> users(List<Purchase> batch, int count) {
        return batch.subList(0, count).stream().map(Purchase::userId).toList();
    }

    /** The first {@code seats.granted()} purchases get the tickets of the first ids, the others the refusal. */
    private static void answer(
            String concertId,
            List<Purchase> batch,
            List<String> ids,
            SeatGrant seats,
            Map<Purchase, PurchaseOutcome> outcomes) {
        PurchaseOutcome refused = refusal(seats.refusal());
        for (int i = 0; i < batch.size(); i++) {
            Purchase purchase = batch.get(i);
            outcomes.put(
                    purchase,
                    i < seats.granted()
                            ? new PurchaseOutcome.Sold(
                                    new Ticket(ids.get(i), concertId, purchase.userId, PrintStatus.NOT_PRINTED, null))
                            : refused);
        }
    }

    /**
     * Answers the purchases whose key is recorded now from that record; the others are to be sold again (their
     * batches, without the answered ones). None recorded: the key insert failed for another reason, and all fail.
     */
    private List<Batch> answerRaced(List<Batch> batches, DuplicateKeyException raced) {
        Map<Purchase, PurchaseOutcome> replays = receipts.raced(purchases(batches));
        if (replays.isEmpty()) {
            batches.forEach(batch -> fail(batch.window.concertId, batch.purchases, raced));
            return List.of();
        }
        log.debug("a purchase batch met {} idempotency keys recorded already", replays.size());
        complete(replays);
        return without(batches, replays);
    }

    /** The batches without the purchases answered already; a batch left with none is dropped. */
    private static List<Batch> without(List<Batch> batches, Map<Purchase, PurchaseOutcome> answered) {
        if (answered.isEmpty()) {
            return batches;
        }
        List<Batch> left = new ArrayList<>(batches.size());
        for (Batch batch : batches) {
            List<Purchase> open = batch.purchases.stream()
                    .filter(p -> !answered.containsKey(p))
                    .toList();
            if (!open.isEmpty()) {
                left.add(new Batch(batch.window, open));
            }
        }
        return left;
    }

    /** Answers each purchase with its outcome, counted by outcome. */
    private void complete(Map<Purchase, PurchaseOutcome> outcomes) {
        outcomes.forEach((purchase, outcome) -> purchase.outcome.complete(count(outcome)));
    }

    private void fail(String concertId, List<Purchase> batch, RuntimeException e) {
        log.error("purchase batch of {} for concert {} failed; nothing of it was written", batch.size(), concertId, e);
        batch.forEach(p -> p.outcome.complete(count(new PurchaseOutcome.Failed(e))));
    }

    private static PurchaseOutcome refusal(SeatGrant.Refusal refusal) {
        return switch (refusal) {
            case UNKNOWN_CONCERT -> new PurchaseOutcome.UnknownConcert();
            case CANCELLED -> new PurchaseOutcome.Cancelled();
            case SOLD_OUT, NONE -> new PurchaseOutcome.SoldOut();
        };
    }

    private PurchaseOutcome count(PurchaseOutcome outcome) {
        outcomes.computeIfAbsent(
                        outcome.metricTag(),
                        tag -> Counter.builder("ticketoverflow.purchases")
                                .tag("outcome", tag)
                                .description("purchase attempts by outcome")
                                .register(meters))
                .increment();
        return outcome;
    }

    record Purchase(String concertId, String userId, KeyClaim claim, CompletableFuture<PurchaseOutcome> outcome) {}

    /** What a turn took from one window. */
    private record Batch(Window window, List<Purchase> purchases) {}

    /** What a transaction decided, set once all its work is done and only its commit is left. */
    private static final class Sale {
        private List<String> ids;
        private Map<Purchase, PurchaseOutcome> outcomes;

        void done(List<String> ids, Map<Purchase, PurchaseOutcome> outcomes) {
            this.ids = ids;
            this.outcomes = outcomes;
        }
    }

    private static final class Window {
        private final String concertId;
        private final Queue<Purchase> queue = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean draining = new AtomicBoolean();

        Window(String concertId) {
            this.concertId = concertId;
        }

        List<Purchase> take(int max) {
            List<Purchase> batch = new ArrayList<>(Math.min(max, 64));
            Purchase next;
            while (batch.size() < max && (next = queue.poll()) != null) {
                batch.add(next);
            }
            return batch;
        }
    }
}
