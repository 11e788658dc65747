package org.ticketoverflow.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Serves the API's contract, {@code openapi/openapi.yaml}, written by hand and checked against every HTTP test:
 * as JSON at {@code /v3/api-docs} (what Swagger UI at {@code /swagger-ui.html} reads) and as written at
 * {@code /v3/api-docs.yaml}. Nothing is generated from the controllers, so there is one source of truth.
 */
@RestController
class ApiDocument {

    private static final String DOCUMENT = "openapi/openapi.yaml";
    private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final byte[] yaml;
    private final byte[] json;

    ApiDocument(JsonMapper jsonMapper) {
        try (InputStream in = new ClassPathResource(DOCUMENT).getInputStream()) {
            this.yaml = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(DOCUMENT + " is missing from the classpath", e);
        }
        this.json = jsonMapper.writeValueAsBytes(YAMLMapper.builder().build().readTree(yaml));
    }

    @GetMapping("/v3/api-docs")
    ResponseEntity<byte[]> json() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
    }

    @GetMapping("/v3/api-docs.yaml")
    ResponseEntity<byte[]> yaml() {
        return ResponseEntity.ok().contentType(YAML).body(yaml);
    }
}
