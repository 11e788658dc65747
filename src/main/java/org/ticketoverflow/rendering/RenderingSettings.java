package org.ticketoverflow.rendering;

import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;

/**
 * Rendering settings. Invalid values fail startup with a message naming the setting, rather than failing
 * every print job later.
 *
 * @param renderer {@code builtin} (default) or {@code hamilton}; env TICKETOVERFLOW_RENDERER
 * @param renderCost cost emulation of the built-in renderer: {@code none} (default), {@code hamilton}
 *     (bcrypt 16 per ticket, 18 per seating plan) or a bcrypt cost 4..31; env TICKETOVERFLOW_RENDER_COST
 * @param hamiltonPath the hamilton executable, required with renderer hamilton; env TICKETOVERFLOW_HAMILTON_PATH
 * @param hamiltonTimeout how long one hamilton run may take before it is killed, default 120s (a bare number
 *     means seconds); env TICKETOVERFLOW_HAMILTON_TIMEOUT
 */
@ConfigurationProperties(prefix = "ticketoverflow")
record RenderingSettings(
        String renderer,
        String renderCost,
        Path hamiltonPath,
        @DurationUnit(ChronoUnit.SECONDS) Duration hamiltonTimeout) {

    static final String BUILTIN = "builtin";
    static final String HAMILTON = "hamilton";

    RenderingSettings {
        renderer = renderer == null || renderer.isBlank()
                ? BUILTIN
                : renderer.strip().toLowerCase(Locale.ROOT);
        renderCost = renderCost == null || renderCost.isBlank() ? "none" : renderCost.strip();
        hamiltonTimeout = hamiltonTimeout == null ? Duration.ofSeconds(120) : hamiltonTimeout;
        if (!renderer.equals(BUILTIN) && !renderer.equals(HAMILTON)) {
            throw new IllegalArgumentException("ticketoverflow.renderer (TICKETOVERFLOW_RENDERER) must be '" + BUILTIN
                    + "' or '" + HAMILTON + "', but was '" + renderer + "'");
        }
        RenderCost.parse(renderCost);
        if (renderer.equals(HAMILTON) && hamiltonPath == null) {
            throw new IllegalArgumentException("ticketoverflow.hamilton-path (TICKETOVERFLOW_HAMILTON_PATH) "
                    + "is required when ticketoverflow.renderer is 'hamilton'");
        }
        if (hamiltonTimeout.isNegative() || hamiltonTimeout.isZero()) {
            throw new IllegalArgumentException("ticketoverflow.hamilton-timeout (TICKETOVERFLOW_HAMILTON_TIMEOUT) "
                    + "must be positive, but was " + hamiltonTimeout);
        }
    }

    RenderCost cost() {
        return RenderCost.parse(renderCost);
    }
}
