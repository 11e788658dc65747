package org.ticketoverflow.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A served SVG read with a real XML parser, as a browser or a print service would: a document that is not
 * well-formed (say, an unescaped {@code &} in a name) fails the test.
 */
public final class SvgDocument {

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    private final Document document;

    private SvgDocument(Document document) {
        this.document = document;
    }

    public static SvgDocument parse(String svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new SvgDocument(
                    factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML (" + e.getMessage() + "): " + svg, e);
        }
    }

    /** The text of the {@code <desc>} that is a child of the root {@code <svg>}. */
    public String rootDesc() {
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NAMESPACE.equals(root.getNamespaceURI())) {
            throw new AssertionError("the root element is <" + root.getTagName() + ">, not an SVG <svg>");
        }
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && "desc".equals(element.getLocalName())) {
                return element.getTextContent();
            }
        }
        throw new AssertionError("the root <svg> has no <desc> child");
    }

    /** What every {@code <text>} and {@code <title>} says, unescaped. */
    public List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (String name : List.of("title", "text")) {
            NodeList nodes = document.getElementsByTagNameNS(SVG_NAMESPACE, name);
            for (int i = 0; i < nodes.getLength(); i++) {
                texts.add(nodes.item(i).getTextContent());
            }
        }
        return texts;
    }
}
