package org.ticketoverflow.tickets;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.ticketoverflow.idempotency.IdempotencyKeys;
import org.ticketoverflow.idempotency.KeyClaim;
import org.ticketoverflow.idempotency.KeyRecord;
import org.ticketoverflow.tickets.BoxOffice.Purchase;
import org.ticketoverflow.web.RequestRejected;

/**
 * The idempotency keys of a purchase batch. {@link #record} writes the answer of every keyed purchase in the
 * batch's transaction, with its ticket: one multi-row insert per transaction (the batches of several concerts
 * that share a transaction share it too), and no read before it. A key that is recorded already (a retry of an
 * answered purchase, or a purchase another node committed first) makes that insert fail and the transaction roll
 * back, seats and tickets included; {@link BoxOffice} then answers those purchases from their record
 * ({@link #raced}) and sells the rest again. Not reading first keeps the keyed hot path at one statement per
 * batch: a lookup per batch cost more than the insert (measured: a query on a fast-growing table whose
 * statistics lag is planned as a scan).
 */
@Component
class PurchaseReceipts {

    static final String SCOPE = "POST /api/v1/tickets";

    private final IdempotencyKeys keys;

    PurchaseReceipts(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /** 409s for the second and later purchases of one key in the batch, in batch order (none: empty). */
    Map<Purchase, PurchaseOutcome> duplicates(List<Purchase> batch) {
        Map<Purchase, PurchaseOutcome> duplicates = new LinkedHashMap<>();
        Set<String> seen = null;
        for (Purchase purchase : batch) {
            if (purchase.claim() != null) {
                seen = seen == null ? new HashSet<>() : seen;
                if (!seen.add(purchase.claim().key().value())) {
                    duplicates.put(purchase, new PurchaseOutcome.KeyInUse());
                }
            }
        }
        return duplicates;
    }

    /** After the key insert failed: replays for the purchases whose key is recorded (by an earlier request). */
    Map<Purchase, PurchaseOutcome> raced(List<Purchase> batch) {
        Map<String, KeyRecord> records = recorded(batch);
        Map<Purchase, PurchaseOutcome> replays = new LinkedHashMap<>();
        for (Purchase purchase : batch) {
            KeyRecord record = purchase.claim() == null
                    ? null
                    : records.get(purchase.claim().key().value());
            if (record != null) {
                replays.put(purchase, new PurchaseOutcome.Replayed(record));
            }
        }
        return replays;
    }

    private Map<String, KeyRecord> recorded(List<Purchase> batch) {
        List<String> values = new ArrayList<>();
        for (Purchase purchase : batch) {
            if (purchase.claim() != null) {
                values.add(purchase.claim().key().value());
            }
        }
        return values.isEmpty() ? Map.of() : keys.find(SCOPE, values);
    }

    /** Writes the answers of the keyed purchases sold or refused in this transaction, in one insert. */
    void record(Map<Purchase, PurchaseOutcome> outcomes) {
        List<KeyRecord> records = new ArrayList<>();
        outcomes.forEach((purchase, outcome) -> {
            KeyClaim claim = purchase.claim();
            if (claim == null) {
                return;
            }
            RequestRejected refusal = outcome.refusal(purchase.concertId());
            if (outcome instanceof PurchaseOutcome.Sold sold) {
                records.add(claim.key().created(sold.ticket().id()));
            } else if (refusal != null) {
                records.add(claim.key().refused(refusal));
            } else {
                return;
            }
            // the flag only matters once the batch committed; a batch that fails answers 503, never recorded
            claim.markRecorded();
        });
        keys.insert(records);
    }
}
