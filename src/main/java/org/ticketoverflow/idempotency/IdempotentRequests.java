package org.ticketoverflow.idempotency;

import java.util.List;
import java.util.function.Function;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.ticketoverflow.web.RequestRejected;
import tools.jackson.databind.JsonNode;

/**
 * Answers keyed requests once: the first request with a key is answered as usual and its answer recorded (201,
 * 400, 422; a 503 is not, so it may be retried into a real attempt); a repeat with the same body gets the
 * recorded answer again with {@code Idempotent-Replayed: true}; the key with another body is a 422; the key while
 * this node still answers it is a 409 with {@code Retry-After}. A 201 is recorded by whoever creates the
 * resource, in its transaction (see {@link IdempotencyKeys}); refusals decided before anything is written are
 * recorded here. If recording a refusal fails, the refusal is still answered: a retry decides again.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = KeyHeader.NAME;
    public static final String REPLAYED = "Idempotent-Replayed";
    /** The policy in a sentence or five, for the OpenAPI description of the header. */
    private static final int IN_FLIGHT_RETRY_AFTER_SECONDS = 1;

    private final InFlight inFlight;
    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;

    IdempotentRequests(InFlight inFlight, IdempotencyKeys keys, TransactionTemplate transactions) {
        this.inFlight = inFlight;
        this.keys = keys;
        this.transactions = transactions;
    }

    /**
     * Answers a request that carries a key.
     *
     * @param scope the endpoint, e.g. {@code POST /api/v1/tickets}
     * @param header the header's value as sent
     * @param handle answers the request as without a key, handing the claim to what writes, which records the key
     *     in its transaction (or finds it recorded and calls {@link #replay})
     * @param recreate the 201 answer again, from the recorded resource id (the request is the same, so is all the
     *     rest of the answer)
     */
    public <T> ResponseEntity<T> once(
            String scope,
            String header,
            JsonNode body,
            Function<KeyClaim, ResponseEntity<T>> handle,
            Function<String, ResponseEntity<T>> recreate) {
        IdempotencyKey key = new IdempotencyKey(scope, KeyHeader.parse(header), Fingerprint.of(body));
        KeyClaim claim = inFlight.claim(key)
                .orElseThrow(() -> RequestRejected.conflict(
                        "A request with this Idempotency-Key is still being answered; retry shortly",
                        IN_FLIGHT_RETRY_AFTER_SECONDS));
        try {
            return handle.apply(claim);
        } catch (RequestRejected rejected) {
            if (claim.recorded() || !recordable(rejected.status())) {
                throw rejected;
            }
            return record(claim, rejected, recreate);
        } catch (DuplicateKeyException raced) {
            // another request with this key committed first (on another node, or before this one began)
            return replay(claim, keys.find(key).orElseThrow(() -> raced), recreate);
        } finally {
            claim.release();
        }
    }

    /** The answer recorded under the claim's key, marked as a replay; a 422 if it was for another request. */
    public <T> ResponseEntity<T> replay(
            KeyClaim claim, KeyRecord record, Function<String, ResponseEntity<T>> recreate) {
        claim.markRecorded();
        if (!record.key().fingerprint().equals(claim.key().fingerprint())) {
            throw RequestRejected.unprocessable("The Idempotency-Key '"
                    + claim.key().value()
                    + "' was already used for another request to " + claim.key().scope()
                    + "; use a new key for a new request");
        }
        ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getResponse()
                .setHeader(REPLAYED, "true");
        if (record.status() == HttpStatus.CREATED.value()) {
            return recreate.apply(record.resourceId());
        }
        throw record.status() == HttpStatus.BAD_REQUEST.value()
                ? RequestRejected.invalid(record.field(), record.detail())
                : RequestRejected.unprocessable(record.detail());
    }

    private <T> ResponseEntity<T> record(
            KeyClaim claim, RequestRejected rejected, Function<String, ResponseEntity<T>> recreate) {
        try {
            transactions.executeWithoutResult(
                    tx -> keys.insert(List.of(claim.key().refused(rejected))));
        } catch (DuplicateKeyException earlier) {
            return replay(claim, keys.find(claim.key()).orElseThrow(() -> earlier), recreate);
        } catch (DataAccessException unrecorded) {
            // answered all the same; a retry is simply decided again
        }
        throw rejected;
    }

    private static boolean recordable(HttpStatus status) {
        return status == HttpStatus.BAD_REQUEST || status == HttpStatus.UNPROCESSABLE_CONTENT;
    }
}
