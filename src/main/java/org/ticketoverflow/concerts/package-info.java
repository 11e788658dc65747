/**
 * Concerts: the catalogue (create, read, update), the seats of each concert ({@code sold} against
 * {@code capacity}, taken only by a conditional update) and the version stamp every change bumps, which is what
 * keeps printed tickets and seating plans from ever showing stale details.
 */
package org.ticketoverflow.concerts;
