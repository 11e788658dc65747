package org.ticketoverflow.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class TicketSvgTests {

    private final Renderer renderer = new BuiltinRenderer(RenderCost.NONE);

    private final TicketDocument ticket = new TicketDocument(
            "12345678-1234-1234-1234-123456789012",
            "Evan \"The Hammer\" O'Hughes & <Co>",
            "evan+tickets@uq.edu.au",
            "c0ffee00-1234-1234-1234-123456789012",
            "Rock & Roll <Live> \"Tonight\"",
            "2023-06-07",
            "Sydney Opera House");

    @Test
    void isAnSvgDocumentWhoseFirstChildIsTheTicketIdAsDesc() {
        Document svg = SvgDocuments.parse(renderer.renderTicket(ticket));
        Element root = svg.getDocumentElement();

        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo(SvgDocuments.SVG_NAMESPACE);
        assertThat(root.getAttribute("viewBox")).isEqualTo("0 0 1200 518");
        Element desc = SvgDocuments.firstChildElement(root);
        assertThat(desc.getLocalName()).isEqualTo("desc");
        assertThat(desc.getTextContent()).isEqualTo(ticket.ticketId());
    }

    @Test
    void showsEveryFieldVerbatimDespiteMarkupCharacters() {
        Document svg = SvgDocuments.parse(renderer.renderTicket(ticket));

        assertThat(SvgDocuments.texts(svg))
                .contains(
                        ticket.concertName(),
                        ticket.concertDate(),
                        ticket.venue(),
                        ticket.concertId(),
                        ticket.holderName(),
                        ticket.holderEmail(),
                        ticket.ticketId());
    }

    @Test
    void staysWellFormedWithCharactersXmlForbids() {
        TicketDocument odd = new TicketDocument("T-1", "Bell\u0007 \uD83C\uDFB8 \uD800 Lone", null, "c", "n", "d", "v");

        Document svg = SvgDocuments.parse(renderer.renderTicket(odd));

        assertThat(SvgDocuments.texts(svg)).contains("Bell\uFFFD \uD83C\uDFB8 \uFFFD Lone");
    }

    @Test
    void barcodeReadsBackAsTheTicketId() {
        Document svg = SvgDocuments.parse(renderer.renderTicket(ticket));

        String bars = SvgDocuments.byId(svg, "barcode").getAttribute("d");

        assertThat(Code128Decoder.decodePath(bars)).isEqualTo(ticket.ticketId());
    }

    @Test
    void longTicketIdsStillFitAndReadBack() {
        String longId = "order-2024-06-07/" + "x".repeat(60) + "/seat-A17";
        TicketDocument longTicket = new TicketDocument(longId, "A", "a@b.c", "c", "n", "2024-06-07", "v");

        Document svg = SvgDocuments.parse(renderer.renderTicket(longTicket));
        String bars = SvgDocuments.byId(svg, "barcode").getAttribute("d");

        assertThat(Code128Decoder.decodePath(bars)).isEqualTo(longId);
    }

    @Test
    void aTicketIdThatCannotBeBarcodedFailsForGood() {
        TicketDocument unreadable = new TicketDocument("caf\u00e9-1", "A", "a@b.c", "c", "n", "2024-06-07", "v");

        assertThatThrownBy(() -> renderer.renderTicket(unreadable))
                .isInstanceOfSatisfying(
                        RenderingFailedException.class,
                        e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("Code-128");
    }
}
