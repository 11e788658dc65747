package org.ticketoverflow.tickets;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.ticketoverflow.idempotency.IdempotencyKeys;
import org.ticketoverflow.idempotency.KeyClaim;
import org.ticketoverflow.idempotency.KeyRecord;
import org.ticketoverflow.tickets.BoxOffice.Purchase;
import org.ticketoverflow.web.RequestRejected;

/**
 * The idempotency keys of a purchase batch. Inside the batch's transaction, {@link #settle} first sets aside the
 * keyed purchases whose key is already recorded (they are answered from the record, and take no seat) and
 * any second purchase of one key in the batch; {@link #record} then writes the answer of every other keyed
 * purchase in the same transaction as its ticket: one multi-row insert per batch. A key recorded by another node
 * between the two makes that insert fail and the batch roll back; {@link BoxOffice} then answers those purchases
 * from the winner's record and sells the rest again.
 */
@Component
class PurchaseReceipts {

    static final String SCOPE = "POST /api/v1/tickets";

    private final IdempotencyKeys keys;

    PurchaseReceipts(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /** Outcomes for the purchases that must not be sold (replays, duplicate keys), in batch order. */
    Map<Purchase, PurchaseOutcome> settle(List<Purchase> batch) {
        Map<Purchase, PurchaseOutcome> settled = new LinkedHashMap<>();
        Map<String, KeyRecord> records = recorded(batch);
        Map<String, Purchase> seen = new HashMap<>();
        for (Purchase purchase : batch) {
            KeyClaim claim = purchase.claim();
            if (claim == null) {
                continue;
            }
            KeyRecord record = records.get(claim.key().value());
            if (record != null) {
                settled.put(purchase, new PurchaseOutcome.Replayed(record));
            } else if (seen.putIfAbsent(claim.key().value(), purchase) != null) {
                settled.put(purchase, new PurchaseOutcome.KeyInUse());
            }
        }
        return settled;
    }

    /** After the batch lost a race on a key: replays for the purchases whose key is recorded now. */
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

    /** Writes the answers of the keyed purchases sold or refused by this batch, in its transaction. */
    void record(String concertId, Map<Purchase, PurchaseOutcome> outcomes) {
        List<KeyRecord> records = new ArrayList<>();
        outcomes.forEach((purchase, outcome) -> {
            KeyClaim claim = purchase.claim();
            if (claim == null) {
                return;
            }
            RequestRejected refusal = outcome.refusal(concertId);
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
