/**
 * Seating plans: rendered in the background, stored, and served as stored. A plan is meant never to be more than
 * three minutes stale: a sweep notices concerts whose plan no longer matches their seat count or version and queues
 * one coalesced render per concert, due three minutes after the plan went stale (see SeatingSweep for the rule
 * for first plans nobody asked for).
 */
package org.ticketoverflow.seating;
