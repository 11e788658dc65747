package org.ticketoverflow.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** The request half of an accepted exchange: its parameters and body must be what the operation declares. */
final class RequestCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OpenApiContract contract;
    private final PathTemplate path;
    private final String operation;
    private final Exchange exchange;
    private final List<String> violations;

    RequestCheck(
            OpenApiContract contract, PathTemplate path, String operation, Exchange exchange, List<String> violations) {
        this.contract = contract;
        this.path = path;
        this.operation = operation;
        this.exchange = exchange;
        this.violations = violations;
    }

    void run() {
        Map<String, String> pathValues = path.values(exchange.path());
        Map<String, String> query = query(exchange.query());
        Set<String> declaredQuery = new HashSet<>();
        String pathItem = operation.substring(0, operation.lastIndexOf('/'));
        for (String level : List.of(pathItem, operation)) {
            JsonNode parameters = contract.at(level + "/parameters");
            for (int i = 0; i < parameters.size(); i++) {
                String parameter = contract.resolve(level + "/parameters/" + i);
                JsonNode definition = contract.at(parameter);
                String name = definition.get("name").stringValue();
                String in = definition.get("in").stringValue();
                if (in.equals("query")) {
                    declaredQuery.add(name);
                }
                Optional<String> value = switch (in) {
                    case "path" -> Optional.ofNullable(pathValues.get(name));
                    case "query" -> Optional.ofNullable(query.get(name));
                    case "header" -> exchange.requestHeader(name);
                    default -> Optional.empty();
                };
                if (value.isEmpty()) {
                    if (definition.path("required").asBoolean(false)) {
                        violations.add("the request lacks required " + in + " parameter " + name);
                    }
                    continue;
                }
                String schema = parameter + "/schema";
                violations.addAll(
                        contract.validate(schema, typed(contract.at(schema), value.get()), in + " parameter " + name));
            }
        }
        for (String name : query.keySet()) {
            if (!declaredQuery.contains(name)) {
                violations.add("query parameter " + name + " is not documented, yet the request was accepted");
            }
        }
        body();
    }

    private void body() {
        JsonNode requestBody = contract.at(operation + "/requestBody");
        if (requestBody.isMissingNode() || exchange.requestBody() == null) {
            return;
        }
        if (exchange.requestBody().isEmpty()) {
            if (requestBody.path("required").asBoolean(false)) {
                violations.add("the request has no body, yet the document requires one and it was accepted");
            }
            return;
        }
        String mediaType = exchange.requestHeader("Content-Type")
                .map(type -> type.split(";")[0].strip().toLowerCase(Locale.ROOT))
                .orElse("");
        if (!requestBody.path("content").has(mediaType)) {
            violations.add("request Content-Type '" + mediaType + "' is not documented, yet it was accepted");
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(exchange.requestBody());
        } catch (RuntimeException e) {
            violations.add("the request body is not JSON, yet it was accepted");
            return;
        }
        String schema = operation + "/requestBody/content/" + OpenApiContract.escape(mediaType) + "/schema";
        violations.addAll(contract.validate(schema, body, "request body"));
    }

    /** A parameter's text as the JSON value its schema's type means (a query string has no types of its own). */
    private static JsonNode typed(JsonNode schema, String value) {
        if (schema.path("type").asString("").equals("integer")) {
            try {
                return JsonNodeFactory.instance.numberNode(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return JsonNodeFactory.instance.stringNode(value);
            }
        }
        return JsonNodeFactory.instance.stringNode(value);
    }

    private static Map<String, String> query(String query) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        if (query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue; // "?&limit=2": an empty pair names no parameter (servlet containers skip it too)
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }
}
