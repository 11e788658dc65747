package org.ticketoverflow.deploy;

import java.nio.file.Path;
import java.util.List;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads YAML into typed models and refuses anything the model does not know, as the Kubernetes API server
 * does. The fabric8 model classes swallow unknown fields into an {@code additionalProperties} map through
 * {@code @JsonAnySetter}, so FAIL_ON_UNKNOWN_PROPERTIES alone would let a misspelled {@code livenesProbe}
 * through: this mapper switches any-setters off. It also refuses a number where Kubernetes wants a string
 * (ConfigMap data, KEDA trigger metadata) and a quoted number where it wants an integer, and duplicate keys.
 */
final class StrictYaml {

    private static final ObjectMapper MAPPER = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .annotationIntrospector(new NoAnySetters())
            .withCoercionConfig(
                    LogicalType.Textual,
                    config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(
                    LogicalType.Integer,
                    config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(
                    LogicalType.Boolean,
                    config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .build();

    private StrictYaml() {}

    /** Every document of a (possibly multi-document) YAML text, as trees. */
    static List<JsonNode> documents(String yaml) {
        return MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll();
    }

    static List<JsonNode> documents(Path file) {
        return documents(RepositoryFiles.text(file));
    }

    static <T> T convert(JsonNode document, Class<T> type) {
        return MAPPER.treeToValue(document, type);
    }

    static <T> T read(Path file, Class<T> type) {
        return MAPPER.readValue(RepositoryFiles.text(file), type);
    }

    private static final class NoAnySetters extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
            return Boolean.FALSE;
        }
    }
}
