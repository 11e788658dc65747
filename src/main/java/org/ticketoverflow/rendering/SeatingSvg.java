package org.ticketoverflow.rendering;

import static org.ticketoverflow.rendering.SvgText.escape;
import static org.ticketoverflow.rendering.SvgText.number;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a seating plan: title, legend, the stage at the front and one square mark per seat, sold seats filled
 * from the centre of the front row outwards.
 * <p>
 * The hazard is size: a venue may hold 150 000 seats, and one element per seat would make a document of
 * megabytes that browsers choke on. Seats are therefore drawn as runs: a {@code <rect>} filled with an SVG
 * {@code <pattern>} whose tile is a single seat mark. Filling centre-out leaves at most three runs per row
 * (free, sold, free), and consecutive rows that look alike (all sold, all free) merge into one block, so the
 * document stays a few kilobytes whatever the capacity.
 */
final class SeatingSvg {

    static final int WIDTH = 1200;
    static final int SEAT_AREA_WIDTH = 1100;
    static final int MIN_PITCH = 10;
    static final int MAX_PITCH = 40;
    static final int SEATS_TOP = 230;

    private static final String FONT = "Helvetica, Arial, sans-serif";
    private static final String SOLD = "#1f4e5f";

    /**
     * A block of identical rows: {@code rows} rows, each holding these runs; {@code halfStep} moves a short
     * last row half a seat to the right so that it sits centred.
     */
    private record Block(int firstRow, int rows, List<Run> runs, boolean halfStep) {}

    /** {@code seats} adjacent seats of one kind starting at column {@code column}. */
    private record Run(int column, int seats, boolean sold) {}

    private SeatingSvg() {}

    static String draw(SeatingDocument plan) {
        int capacity = Math.max(0, plan.capacity());
        int sold = Math.clamp(plan.sold(), 0, capacity);
        int perRow = Math.clamp((int) Math.ceil(Math.sqrt(2.0 * capacity)), 1, SEAT_AREA_WIDTH / MIN_PITCH);
        int pitch = Math.min(MAX_PITCH, SEAT_AREA_WIDTH / perRow);
        int rows = (capacity + perRow - 1) / perRow;
        int left = (WIDTH - perRow * pitch) / 2;
        int height = SEATS_TOP + Math.max(rows * pitch, 60) + 50;

        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(height)
                .append("\">")
                .append("<desc>")
                .append(escape(plan.concertId()))
                .append('|')
                .append(plan.capacity())
                .append('|')
                .append(plan.sold())
                .append("</desc>")
                .append("<title>Seating plan: ")
                .append(escape(plan.name()))
                .append("</title>");
        defineSeatMarks(svg, pitch, left);
        svg.append("<rect width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" fill=\"#fff\"/>");
        drawHeader(svg, plan, capacity, sold);
        drawStage(svg, Math.max(perRow * pitch, 240));
        if (capacity == 0) {
            svg.append("<text x=\"600\" y=\"")
                    .append(SEATS_TOP + 30)
                    .append("\" text-anchor=\"middle\" font-family=\"")
                    .append(FONT)
                    .append("\" font-size=\"20\" fill=\"#777\">No seats</text>");
        }
        for (Block block : blocks(capacity, sold, perRow)) {
            for (Run run : block.runs()) {
                svg.append("<rect x=\"")
                        .append(left + run.column() * pitch)
                        .append("\" y=\"")
                        .append(SEATS_TOP + block.firstRow() * pitch)
                        .append("\" width=\"")
                        .append(run.seats() * pitch)
                        .append("\" height=\"")
                        .append(block.rows() * pitch)
                        .append("\" fill=\"url(#")
                        .append(run.sold() ? "sold" : "free")
                        .append(")\"");
                if (block.halfStep()) {
                    // moves the pattern tiles along with the rect, as patterns live in the rect's user space
                    svg.append(" transform=\"translate(")
                            .append(number(pitch / 2.0))
                            .append(" 0)\"");
                }
                svg.append("/>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Tiles anchored at the seat grid's origin, so every run lines up with the rows above and below. */
    private static void defineSeatMarks(StringBuilder svg, int pitch, int left) {
        int gap = Math.max(2, pitch / 5);
        int mark = pitch - gap;
        String tile = "<pattern width=\"" + pitch + "\" height=\"" + pitch + "\" x=\"" + left + "\" y=\"" + SEATS_TOP
                + "\" patternUnits=\"userSpaceOnUse\" id=\"";
        double inset = gap / 2.0 + 0.5;
        svg.append("<defs>")
                .append(tile)
                .append("sold\"><rect x=\"")
                .append(number(gap / 2.0))
                .append("\" y=\"")
                .append(number(gap / 2.0))
                .append("\" width=\"")
                .append(mark)
                .append("\" height=\"")
                .append(mark)
                .append("\" fill=\"")
                .append(SOLD)
                .append("\"/></pattern>")
                .append(tile)
                .append("free\"><rect x=\"")
                .append(number(inset))
                .append("\" y=\"")
                .append(number(inset))
                .append("\" width=\"")
                .append(mark - 1)
                .append("\" height=\"")
                .append(mark - 1)
                .append("\" fill=\"#fff\" stroke=\"")
                .append(SOLD)
                .append("\" stroke-width=\"1\"/></pattern></defs>");
    }

    private static void drawHeader(StringBuilder svg, SeatingDocument plan, int capacity, int sold) {
        String name = plan.name() == null ? "" : plan.name();
        svg.append("<text x=\"600\" y=\"62\" text-anchor=\"middle\" font-family=\"")
                .append(FONT)
                .append("\" font-size=\"36\" font-weight=\"bold\" fill=\"#111\"");
        if (name.length() * 36 * 0.62 > SEAT_AREA_WIDTH) {
            svg.append(" textLength=\"").append(SEAT_AREA_WIDTH).append("\" lengthAdjust=\"spacingAndGlyphs\"");
        }
        svg.append('>')
                .append(escape(name))
                .append("</text>")
                .append("<text x=\"600\" y=\"98\" text-anchor=\"middle\" font-family=\"")
                .append(FONT)
                .append("\" font-size=\"20\" fill=\"#333\">")
                .append(escape(plan.venue()))
                .append(" \u00B7 ")
                .append(escape(plan.date()))
                .append("</text>")
                .append("<g font-family=\"")
                .append(FONT)
                .append("\" font-size=\"18\" fill=\"#111\">")
                .append("<rect x=\"330\" y=\"124\" width=\"18\" height=\"18\" fill=\"")
                .append(SOLD)
                .append("\"/>")
                .append("<text x=\"356\" y=\"140\">Sold ")
                .append(count(sold))
                .append("</text>")
                .append("<rect x=\"530.5\" y=\"124.5\" width=\"17\" height=\"17\" fill=\"#fff\" stroke=\"")
                .append(SOLD)
                .append("\"/><text x=\"556\" y=\"140\">Free ")
                .append(count(capacity - sold))
                .append("</text>")
                .append("<text x=\"730\" y=\"140\">Capacity ")
                .append(count(capacity))
                .append("</text></g>");
    }

    private static void drawStage(StringBuilder svg, int width) {
        svg.append("<rect x=\"")
                .append((WIDTH - width) / 2)
                .append("\" y=\"164\" width=\"")
                .append(width)
                .append("\" height=\"40\" rx=\"8\" fill=\"#e6e1d3\" stroke=\"#8c8471\"/>")
                .append("<text x=\"600\" y=\"191\" text-anchor=\"middle\" font-family=\"")
                .append(FONT)
                .append("\" font-size=\"18\" letter-spacing=\"8\" fill=\"#5c5546\">STAGE</text>");
    }

    private static String count(int value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /**
     * Row 0 is the front row. Sold seats fill whole rows from the front, then the centre of the next row; a
     * short last row is centred. Rows with the same runs are merged into one block.
     */
    private static List<Block> blocks(int capacity, int sold, int perRow) {
        List<Block> blocks = new ArrayList<>();
        int rows = (capacity + perRow - 1) / perRow;
        for (int row = 0; row < rows; row++) {
            int seats = Math.min(perRow, capacity - row * perRow);
            int soldHere = Math.clamp(sold - (long) row * perRow, 0, seats);
            int firstColumn = (perRow - seats) / 2;
            int freeLeft = soldHere == 0 ? seats : (seats - soldHere) / 2;
            List<Run> runs = new ArrayList<>(3);
            addRun(runs, firstColumn, freeLeft, false);
            addRun(runs, firstColumn + freeLeft, soldHere, true);
            addRun(runs, firstColumn + freeLeft + soldHere, seats - soldHere - freeLeft, false);
            Block last = blocks.isEmpty() ? null : blocks.getLast();
            boolean halfStep = (perRow - seats) % 2 == 1;
            if (last != null && last.runs().equals(runs) && last.halfStep() == halfStep) {
                blocks.set(blocks.size() - 1, new Block(last.firstRow(), last.rows() + 1, runs, halfStep));
            } else {
                blocks.add(new Block(row, 1, runs, halfStep));
            }
        }
        return blocks;
    }

    private static void addRun(List<Run> runs, int column, int seats, boolean sold) {
        if (seats > 0) {
            runs.add(new Run(column, seats, sold));
        }
    }
}
