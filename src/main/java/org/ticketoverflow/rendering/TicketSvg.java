package org.ticketoverflow.rendering;

import static org.ticketoverflow.rendering.SvgText.escape;
import static org.ticketoverflow.rendering.SvgText.number;

import java.util.List;

/**
 * Draws a printed ticket, 1200×518: a coloured stub, the text block, and the ticket id as a vertical
 * Code-128 barcode on the right.
 */
final class TicketSvg {

    static final int WIDTH = 1200;
    static final int HEIGHT = 518;

    /** Where the barcode's bars lie (x) and how much height the symbol and its quiet zones may take. */
    static final int BARCODE_LEFT = 1000;

    static final int BARCODE_BAR_LENGTH = 140;
    static final int BARCODE_SPACE = 458;
    static final int QUIET_ZONE_MODULES = 10;

    private static final int TEXT_LEFT = 270;
    private static final int TEXT_WIDTH = 680;
    private static final String FONT = "Helvetica, Arial, sans-serif";
    private static final String MONO = "Menlo, Consolas, 'DejaVu Sans Mono', monospace";
    private static final List<String> STUB_COLOURS =
            List.of("#2d6a7a", "#7a2d4f", "#3d6b35", "#6b4a1f", "#40407a", "#8a3b2e", "#1f5f8a", "#5e3d7a");

    private TicketSvg() {}

    /** @throws IllegalArgumentException if the ticket id cannot be put in a Code-128 (set B) barcode */
    static String draw(TicketDocument ticket) {
        String ticketId = ticket.ticketId() == null ? "" : ticket.ticketId();
        int[] bars = Code128.encode(ticketId);
        String stub = STUB_COLOURS.get(
                Math.floorMod(String.valueOf(ticket.concertId()).hashCode(), STUB_COLOURS.size()));

        StringBuilder svg = new StringBuilder(6000);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\">")
                .append("<desc>")
                .append(escape(ticketId))
                .append("</desc>")
                .append("<title>Ticket: ")
                .append(escape(ticket.concertName()))
                .append("</title>")
                .append("<rect width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" fill=\"#fff\"/>");
        drawStub(svg, stub);
        drawText(svg, ticket, ticketId);
        drawBarcode(svg, bars);
        svg.append("<text transform=\"translate(1172 259) rotate(90)\" text-anchor=\"middle\" font-family=\"")
                .append(MONO)
                .append("\" font-size=\"13\" fill=\"#444\">")
                .append(escape(ticketId))
                .append("</text>")
                .append("<rect x=\"1188\" width=\"12\" height=\"")
                .append(HEIGHT)
                .append("\" fill=\"")
                .append(stub)
                .append("\"/></svg>");
        return svg.toString();
    }

    private static void drawStub(StringBuilder svg, String colour) {
        svg.append("<rect width=\"220\" height=\"")
                .append(HEIGHT)
                .append("\" fill=\"")
                .append(colour)
                .append("\"/>")
                .append("<path d=\"M220 0v")
                .append(HEIGHT)
                .append("\" stroke=\"#fff\" stroke-width=\"3\" stroke-dasharray=\"6 8\"/>")
                .append("<circle cx=\"220\" cy=\"0\" r=\"18\" fill=\"#fff\"/>")
                .append("<circle cx=\"220\" cy=\"")
                .append(HEIGHT)
                .append("\" r=\"18\" fill=\"#fff\"/>")
                .append("<text transform=\"translate(122 259) rotate(-90)\" text-anchor=\"middle\" font-family=\"")
                .append(FONT)
                .append("\" font-size=\"44\" font-weight=\"bold\" letter-spacing=\"6\" fill=\"#fff\">")
                .append("ADMIT ONE</text>");
    }

    private static void drawText(StringBuilder svg, TicketDocument ticket, String ticketId) {
        line(svg, 96, 40, "bold", FONT, ticket.concertName());
        labelled(svg, 146, "DATE", FONT, ticket.concertDate());
        labelled(svg, 210, "VENUE", FONT, ticket.venue());
        labelled(svg, 274, "CONCERT", MONO, ticket.concertId());
        svg.append("<path d=\"M")
                .append(TEXT_LEFT)
                .append(" 318h")
                .append(TEXT_WIDTH)
                .append("\" stroke=\"#222\" stroke-width=\"2\"/>");
        labelled(svg, 356, "HOLDER", FONT, ticket.holderName());
        line(svg, 412, 20, "normal", FONT, ticket.holderEmail());
        labelled(svg, 454, "TICKET", MONO, ticketId);
    }

    private static void labelled(StringBuilder svg, int labelY, String label, String font, String value) {
        svg.append("<text x=\"")
                .append(TEXT_LEFT)
                .append("\" y=\"")
                .append(labelY)
                .append("\" font-family=\"")
                .append(FONT)
                .append("\" font-size=\"13\" letter-spacing=\"2\" fill=\"#777\">")
                .append(label)
                .append("</text>");
        line(svg, labelY + 28, 22, "normal", font, value);
    }

    /** Long values are squeezed to the text block's width rather than running into the barcode. */
    private static void line(StringBuilder svg, int y, int fontSize, String weight, String font, String value) {
        String text = value == null ? "" : value;
        svg.append("<text x=\"")
                .append(TEXT_LEFT)
                .append("\" y=\"")
                .append(y)
                .append("\" font-family=\"")
                .append(font)
                .append("\" font-size=\"")
                .append(fontSize)
                .append("\" font-weight=\"")
                .append(weight)
                .append("\" fill=\"#111\"");
        if (text.codePointCount(0, text.length()) * fontSize * 0.62 > TEXT_WIDTH) {
            svg.append(" textLength=\"").append(TEXT_WIDTH).append("\" lengthAdjust=\"spacingAndGlyphs\"");
        }
        svg.append('>').append(escape(text)).append("</text>");
    }

    /** The symbol runs top to bottom; each bar is one horizontal strip of a single path. */
    private static void drawBarcode(StringBuilder svg, int[] widths) {
        int modules = 0;
        for (int width : widths) {
            modules += width;
        }
        double module = Math.min(1.0, (double) BARCODE_SPACE / (modules + 2 * QUIET_ZONE_MODULES));
        double y = (HEIGHT - modules * module) / 2;
        svg.append("<rect x=\"")
                .append(BARCODE_LEFT - 10)
                .append("\" y=\"")
                .append(number(y - QUIET_ZONE_MODULES * module))
                .append("\" width=\"")
                .append(BARCODE_BAR_LENGTH + 20)
                .append("\" height=\"")
                .append(number((modules + 2 * QUIET_ZONE_MODULES) * module))
                .append("\" fill=\"#fff\"/><path id=\"barcode\" fill=\"#000\" d=\"");
        for (int i = 0; i < widths.length; i++) {
            if (i % 2 == 0) {
                svg.append('M')
                        .append(BARCODE_LEFT)
                        .append(' ')
                        .append(number(y))
                        .append('h')
                        .append(BARCODE_BAR_LENGTH)
                        .append('v')
                        .append(number(widths[i] * module))
                        .append("h-")
                        .append(BARCODE_BAR_LENGTH)
                        .append('z');
            }
            y += widths[i] * module;
        }
        svg.append("\"/>");
    }
}
