package org.ticketoverflow.idempotency;

/**
 * The recorded answer to a keyed request: a 201 names what it created, a 400 or 422 keeps its problem's detail
 * and field. That is all a replay needs: the rest of each answer is rebuilt exactly as the first time.
 */
public record KeyRecord(IdempotencyKey key, int status, String resourceId, String detail, String field) {}
