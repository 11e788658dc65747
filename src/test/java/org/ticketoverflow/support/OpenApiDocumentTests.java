package org.ticketoverflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A structural lint of the shipped OpenAPI document that runs with every build (CI also lints it with Redocly CLI,
 * see .ci/openapi-lint): every operation named, tagged and answered, every reference resolvable.
 */
class OpenApiDocumentTests {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Set<String> MEDIA_TYPES =
            Set.of("application/json", "application/problem+json", "image/svg+xml");

    private final OpenApiContract contract = OpenApiContract.shipped();
    private final JsonNode document = contract.document();

    @Test
    void namesEveryOperationOfTheApiOnce() {
        List<String> ids = new ArrayList<>();
        operations().forEach(operation -> ids.add(operation.path("operationId").asString("(none)")));

        assertThat(ids)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrder(
                        "listConcerts",
                        "createConcert",
                        "concertsHealth",
                        "getConcert",
                        "updateConcert",
                        "getSeatingPlan",
                        "getAvailability",
                        "listTickets",
                        "purchaseTicket",
                        "ticketsHealth",
                        "getTicket",
                        "requestPrint",
                        "getPrintedTicket",
                        "listUsers",
                        "usersHealth",
                        "getUser");
        assertThat(document.get("openapi").stringValue()).isEqualTo("3.1.0");
        assertThat(document.at("/info/title").stringValue()).isEqualTo("TicketOverflow API");
    }

    @Test
    void tagsSummarisesAndAnswersEveryOperation() {
        Set<String> tags = new TreeSet<>();
        document.get("tags").forEach(tag -> tags.add(tag.get("name").stringValue()));

        operations().forEach(operation -> {
            String id = operation.path("operationId").asString();
            assertThat(operation.path("summary").asString(""))
                    .as("summary of %s", id)
                    .isNotBlank();
            assertThat(operation.get("tags").values())
                    .as("tags of %s", id)
                    .isNotEmpty()
                    .allSatisfy(tag -> assertThat(tags).contains(tag.stringValue()));
            assertThat(operation.get("responses").propertyNames())
                    .as("responses of %s", id)
                    .anyMatch(status -> status.startsWith("2"))
                    .allMatch(status -> status.matches("[1-5][0-9][0-9]"));
        });
    }

    @Test
    void resolvesEveryReferenceAndUsesOnlyTheApisMediaTypes() {
        List<String> unresolved = new ArrayList<>();
        Set<String> mediaTypes = new TreeSet<>();
        walk(document, "", unresolved, mediaTypes);

        assertThat(unresolved).as("$refs that point nowhere").isEmpty();
        assertThat(MEDIA_TYPES).containsAll(mediaTypes);
    }

    private List<JsonNode> operations() {
        List<JsonNode> operations = new ArrayList<>();
        document.get("paths")
                .forEach(item -> item.properties().forEach(entry -> {
                    if (METHODS.contains(entry.getKey())) {
                        operations.add(entry.getValue());
                    }
                }));
        return operations;
    }

    private void walk(JsonNode node, String pointer, List<String> unresolved, Set<String> mediaTypes) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null
                    && ref.isString()
                    && contract.at(ref.stringValue().substring(1)).isMissingNode()) {
                unresolved.add(pointer + " → " + ref.stringValue());
            }
            if (node.has("content") && node.get("content").isObject() && !pointer.endsWith("/properties")) {
                node.get("content").propertyNames().forEach(mediaTypes::add);
            }
            node.properties()
                    .forEach(entry -> walk(
                            entry.getValue(),
                            pointer + "/" + OpenApiContract.escape(entry.getKey()),
                            unresolved,
                            mediaTypes));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, unresolved, mediaTypes);
            }
        }
    }
}
