/**
 * Seating plans: rendered in the background, stored, and served as stored. A plan is never more than three
 * minutes stale: a sweep notices concerts whose plan no longer matches their seat count or version and queues
 * one coalesced render per concert, which goes ahead of every print in the job queue.
 */
package org.ticketoverflow.seating;
