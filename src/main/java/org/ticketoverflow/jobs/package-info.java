/**
 * The one home of background work: one durable queue for jobs (ticket prints, seating plans) and one timer for
 * periodic duties (sweeps that redo what an event might have missed, queue upkeep), under one retry policy.
 *
 * <p>A job is a row in the {@code jobs} table with a deadline from the promise it serves. Workers claim due rows
 * with {@code FOR UPDATE SKIP LOCKED}, least slack first (deadline minus the kind's expected run time, learned
 * from measured runs; ties first come, first served), under a lease they keep alive while the handler runs; a
 * crashed worker's job is taken again once its lease runs out. Delivery is therefore at least once: handlers
 * must be idempotent. A job that ends for good without being done tells its handler in the same transaction.
 *
 * <p>API: {@link org.ticketoverflow.jobs.JobQueue} to add work, {@link org.ticketoverflow.jobs.JobHandler} beans to
 * do it, {@link org.ticketoverflow.jobs.PeriodicDuty} beans for periodic, multi-node-safe sweeps, and
 * {@link org.ticketoverflow.jobs.WorkerSettings} for this node's slots.
 */
package org.ticketoverflow.jobs;
