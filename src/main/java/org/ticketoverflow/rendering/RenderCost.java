package org.ticketoverflow.rendering;

import java.util.Locale;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * Cost emulation for the built-in renderer: a throw-away bcrypt hash per document, so that load tests and
 * benchmarks meet the same CPU bottleneck as with hamilton, without the tool.
 *
 * @param ticketCost bcrypt cost burnt per ticket, 0 for none
 * @param seatingCost bcrypt cost burnt per seating plan, 0 for none
 */
record RenderCost(int ticketCost, int seatingCost) {

    static final RenderCost NONE = new RenderCost(0, 0);

    /** What hamilton itself burns (docs/rendering.md). */
    static final RenderCost HAMILTON = new RenderCost(16, 18);

    private static final int MIN_BCRYPT_COST = 4;
    private static final int MAX_BCRYPT_COST = 31;

    /**
     * @param setting {@code none}, {@code hamilton} or a bcrypt cost {@code 4..31}; null or blank means none
     * @throws IllegalArgumentException naming the setting and the accepted values
     */
    static RenderCost parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return NONE;
        }
        String value = setting.strip().toLowerCase(Locale.ROOT);
        if (value.equals("none")) {
            return NONE;
        }
        if (value.equals("hamilton")) {
            return HAMILTON;
        }
        try {
            int cost = Integer.parseInt(value);
            if (cost >= MIN_BCRYPT_COST && cost <= MAX_BCRYPT_COST) {
                return new RenderCost(cost, cost);
            }
        } catch (NumberFormatException notANumber) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("ticketoverflow.render-cost (TICKETOVERFLOW_RENDER_COST) must be "
                + "'none', 'hamilton' or a bcrypt cost from 4 to 31, but was '" + setting + "'");
    }

    void burnForTicket() {
        burn(ticketCost);
    }

    void burnForSeatingPlan() {
        burn(seatingCost);
    }

    private static void burn(int cost) {
        if (cost > 0) {
            BCrypt.hashpw("ticketoverflow", BCrypt.gensalt(cost));
        }
    }
}
