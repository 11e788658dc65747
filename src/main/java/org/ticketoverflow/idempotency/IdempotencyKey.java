package org.ticketoverflow.idempotency;

import org.ticketoverflow.web.RequestRejected;

/**
 * A client's key for one request to one endpoint.
 *
 * @param scope the endpoint, e.g. {@code POST /api/v1/tickets}: keys of different endpoints never meet
 * @param value the key as the client chose it (1–255 characters)
 * @param fingerprint what identifies the request's body, so the key cannot be reused for another request
 */
public record IdempotencyKey(String scope, String value, String fingerprint) {

    /** The record of a request that created {@code resourceId} (a 201). */
    public KeyRecord created(String resourceId) {
        return new KeyRecord(this, 201, resourceId, null, null);
    }

    /** The record of a request refused with a 400 or 422 problem. */
    public KeyRecord refused(RequestRejected rejection) {
        return new KeyRecord(this, rejection.status().value(), null, rejection.getMessage(), rejection.field());
    }
}
