/**
 * One durable, prioritised queue for all background work (ticket prints, seating plans).
 *
 * <p>A job is a row in the {@code jobs} table. Workers claim due rows with {@code FOR UPDATE SKIP LOCKED} in the
 * order lane, sort key, id, under a lease they keep alive while the handler runs; a crashed worker's job is
 * taken again once its lease runs out. Delivery is therefore at least once: handlers must be idempotent.
 *
 * <p>API: {@link org.ticketoverflow.jobs.JobQueue} to add work, {@link org.ticketoverflow.jobs.JobHandler} beans to
 * do it.
 */
package org.ticketoverflow.jobs;
