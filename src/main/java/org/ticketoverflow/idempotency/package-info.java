/**
 * Idempotency keys ({@code Idempotency-Key}, IETF HTTPAPI draft semantics) for the POSTs that create things: a
 * repeat of a keyed request replays the recorded answer instead of creating a second ticket or concert. The
 * record is written by the owner of what the request creates, in the transaction that creates it
 * ({@link org.ticketoverflow.idempotency.IdempotencyKeys}); this module parses the header, keeps the node's
 * in-flight keys, replays, and forgets keys after their retention.
 */
package org.ticketoverflow.idempotency;
