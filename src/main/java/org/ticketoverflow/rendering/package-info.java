/**
 * Rendering: turns a ticket or a seating plan into an SVG document.
 * <p>
 * Other modules see only the {@link org.ticketoverflow.rendering.Renderer} port, its two input records and
 * {@link org.ticketoverflow.rendering.RenderingFailedException}. Behind the port sit the built-in Java renderer
 * (milliseconds, optionally burning hamilton's CPU cost so load tests see the real bottleneck) and an adapter
 * for the operator-supplied {@code hamilton} command-line tool, which is slow (seconds per ticket, tens of
 * seconds per seating plan) and is therefore only ever called from background jobs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rendering")
package org.ticketoverflow.rendering;
