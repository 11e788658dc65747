package org.ticketoverflow.support;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The shipped OpenAPI document ({@code openapi/openapi.yaml}) as a checker of real HTTP exchanges. Every answer
 * to an {@code /api/v1} request must be one the document describes: a documented status, its exact content type,
 * a body that its schema accepts, its required headers. A path the document does not list must answer 404 and a
 * method it does not list 405 (the {@code NotFound} and {@code MethodNotAllowed} responses). Requests are checked
 * only when the server accepted them (2xx): a request the server took must be one the document calls valid, while
 * tests stay free to send deliberately bad requests and have only the refusal checked.
 */
public final class OpenApiContract {

    private static final String DOCUMENT = "https://ticketoverflow.org/openapi.yaml";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OpenApiContract SHIPPED = load("openapi/openapi.yaml");

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final List<PathTemplate> paths;
    /** Compiled schemas by pointer: compiling is far dearer than validating, and races send thousands. */
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private OpenApiContract(JsonNode document) {
        this.document = document;
        SchemaRegistryConfig config =
                SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        String json = JSON.writeValueAsString(document);
        this.schemas = SchemaRegistry.withDefaultDialect(
                Dialects.getOpenApi31(),
                registry -> registry.schemas(Map.of(DOCUMENT, json)).schemaRegistryConfig(config));
        List<PathTemplate> concrete = new ArrayList<>();
        List<PathTemplate> templated = new ArrayList<>();
        for (String path : document.get("paths").propertyNames()) {
            (path.contains("{") ? templated : concrete).add(PathTemplate.of(path));
        }
        concrete.addAll(templated); // OpenAPI: concrete paths match before templated ones
        this.paths = List.copyOf(concrete);
    }

    /** The document the application ships and serves at /v3/api-docs. */
    public static OpenApiContract shipped() {
        return SHIPPED;
    }

    static OpenApiContract load(String resource) {
        try (InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new OpenApiContract(YAMLMapper.builder().build().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** Fails with every way the exchange departs from the document; requests outside /api/v1 are not checked. */
    public void check(Exchange exchange) {
        List<String> violations = violations(exchange);
        if (!violations.isEmpty()) {
            throw new AssertionError("The answer to " + exchange.method() + " " + exchange.target()
                    + " is not what openapi.yaml describes:\n  - " + String.join("\n  - ", violations)
                    + "\n  answer: " + exchange.status() + " "
                    + exchange.responseHeader("Content-Type").orElse("")
                    + " " + abbreviated(exchange.responseBody()));
        }
    }

    public List<String> violations(Exchange exchange) {
        String path = exchange.path();
        List<String> violations = new ArrayList<>();
        if (!path.startsWith("/api/v1/")) {
            return violations;
        }
        List<PathTemplate> matching =
                paths.stream().filter(p -> p.matches(path)).toList();
        if (matching.isEmpty()) {
            expect(404, "/components/responses/NotFound", exchange, violations);
            return violations;
        }
        String method = exchange.method().toLowerCase(Locale.ROOT);
        Optional<PathTemplate> operationPath =
                matching.stream().filter(p -> pathItem(p).has(method)).findFirst();
        if (operationPath.isEmpty()) {
            expect(405, "/components/responses/MethodNotAllowed", exchange, violations);
            return violations;
        }
        String operation = "/paths/" + escape(operationPath.get().path()) + "/" + method;
        String response = operation + "/responses/" + exchange.status();
        if (at(response).isMissingNode()) {
            violations.add("status " + exchange.status() + " is not documented for " + method.toUpperCase(Locale.ROOT)
                    + " " + operationPath.get().path());
        } else {
            checkResponse(response, exchange, violations);
        }
        if (exchange.status() >= 200 && exchange.status() < 300) {
            new RequestCheck(this, operationPath.get(), operation, exchange, violations).run();
        }
        return violations;
    }

    private void expect(int status, String response, Exchange exchange, List<String> violations) {
        if (exchange.status() != status) {
            violations.add(exchange.method() + " " + exchange.path() + " is not in the document, so the answer must be "
                    + status + ", not " + exchange.status());
            return;
        }
        checkResponse(response, exchange, violations);
    }

    private void checkResponse(String pointer, Exchange exchange, List<String> violations) {
        String response = resolve(pointer);
        JsonNode definition = at(response);
        for (String name : definition.path("headers").propertyNames()) {
            String header = resolve(response + "/headers/" + escape(name));
            Optional<String> value = exchange.responseHeader(name);
            if (value.isEmpty()) {
                if (at(header).path("required").asBoolean(false)) {
                    violations.add("required header " + name + " is missing");
                }
                continue;
            }
            validate(header + "/schema", JsonNodeFactory.instance.stringNode(value.get()), "header " + name)
                    .forEach(violations::add);
        }
        JsonNode content = definition.path("content");
        Optional<String> contentType = exchange.responseHeader("Content-Type");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!exchange.responseBody().isEmpty()) {
                violations.add("the document gives this answer no body, but it has one");
            }
            return;
        }
        if (contentType.isEmpty() || !content.has(contentType.get())) {
            violations.add(
                    "Content-Type " + contentType.orElse("(none)") + " is not one of " + content.propertyNames());
            return;
        }
        String schema = response + "/content/" + escape(contentType.get()) + "/schema";
        if (contentType.get().endsWith("json")) {
            JsonNode body;
            try {
                body = JSON.readTree(exchange.responseBody());
            } catch (RuntimeException e) {
                violations.add("the body is not JSON: " + e.getMessage());
                return;
            }
            validate(schema, body, "body").forEach(violations::add);
        } else if (contentType.get().equals("image/svg+xml")
                && !exchange.responseBody().contains("<svg")) {
            violations.add("the body is not an SVG document");
        }
    }

    /** The schema at this pointer's errors for the value, each prefixed with what was checked. */
    List<String> validate(String schemaPointer, JsonNode value, String what) {
        Schema schema = compiled.computeIfAbsent(
                schemaPointer, pointer -> schemas.getSchema(SchemaLocation.of(DOCUMENT + "#" + pointer)));
        return schema.validate(value).stream()
                .map(error -> what + ": " + error.getMessage())
                .toList();
    }

    JsonNode pathItem(PathTemplate path) {
        return document.get("paths").get(path.path());
    }

    /** Follows a {@code $ref} (local references only, as the document uses), returning the pointer it lands on. */
    String resolve(String pointer) {
        String current = pointer;
        for (JsonNode ref = at(current).path("$ref");
                ref.isString();
                ref = at(current).path("$ref")) {
            current = ref.stringValue().substring(1);
        }
        return current;
    }

    JsonNode at(String pointer) {
        return document.at(pointer);
    }

    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
