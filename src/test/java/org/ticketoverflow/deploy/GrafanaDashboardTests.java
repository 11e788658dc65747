package org.ticketoverflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** deploy/grafana/ticketoverflow.json must only chart series the application really publishes ({@link Meters}). */
class GrafanaDashboardTests {

    private static final Path DASHBOARD = Path.of("deploy", "grafana", "ticketoverflow.json");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SELECTOR = Pattern.compile("(ticketoverflow_\\w+)\\{([^}]*)}");
    private static final Pattern LABEL_MATCHER = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"]*)\"");
    /** Labels Prometheus adds when it scrapes, not tags of the meters. */
    private static final Set<String> TARGET_LABELS = Set.of("instance", "job", "namespace", "pod", "application");

    private static final Set<String> KEYWORDS = Set.of(
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "bool",
            "and",
            "or",
            "unless",
            "offset",
            "inf",
            "nan");

    private final JsonNode dashboard = JsonMapper.shared().readTree(RepositoryFiles.text(DASHBOARD));
    private final Set<String> histogramMeters = ApplicationSettings.load().histogramMeters();

    @Test
    void chartsOnlySeriesTheApplicationPublishes() {
        Set<String> published = new TreeSet<>();
        Meters.ALL.forEach(meter -> published.addAll(meter.series(histogramMeters)));
        for (String series : seriesNames()) {
            if (Meters.STANDARD_PREFIXES.stream().noneMatch(series::startsWith)) {
                assertThat(published)
                        .as("percentiles-histogram on in application.yaml for: %s", histogramMeters)
                        .contains(series);
            }
        }
    }

    @Test
    void chartsEveryMeterOfTheApplicationAndTheJvmHeap() {
        Set<String> charted = seriesNames();
        for (Meters meter : Meters.ALL) {
            assertThat(charted)
                    .as(meter.micrometerName())
                    .anySatisfy(
                            series -> assertThat(meter.series(histogramMeters)).contains(series));
        }
        assertThat(charted).contains("ticketoverflow_purchase_duration_seconds_bucket", "jvm_memory_used_bytes");
        assertThat(String.join("\n", expressions())).contains("histogram_quantile(0.99", "outcome=\"shed\"");
    }

    @Test
    void filtersOnlyOnTagsAndValuesTheApplicationUses() {
        for (String expression : expressions()) {
            Matcher selector = SELECTOR.matcher(expression);
            while (selector.find()) {
                Meters meter = Meters.ALL.stream()
                        .filter(m -> m.series(histogramMeters).contains(selector.group(1)))
                        .findFirst()
                        .orElseThrow();
                Matcher matcher = LABEL_MATCHER.matcher(selector.group(2));
                while (matcher.find()) {
                    if (!TARGET_LABELS.contains(matcher.group(1))) {
                        assertThat(meter.tagValues()).as(expression).containsKey(matcher.group(1));
                        assertThat(meter.tagValues().get(matcher.group(1)))
                                .as(expression)
                                .contains(matcher.group(2));
                    }
                }
            }
        }
    }

    @Test
    void everyPanelQueriesTheChosenPrometheus() {
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt())).as("unique panel id").isTrue();
            if (!panel.get("type").asString().equals("row")) {
                assertThat(panel.at("/datasource/uid").asString()).isEqualTo("${datasource}");
                assertThat(panel.get("targets")).isNotEmpty();
            }
        }
        assertThat(dashboard.at("/templating/list/0/name").asString()).isEqualTo("datasource");
    }

    @Test
    void documentsEveryMeterInTheOperationsGuide() {
        String operations = RepositoryFiles.text(Path.of("docs", "operations.md"));
        Meters.ALL.forEach(meter -> assertThat(operations).contains(meter.prometheusName()));
    }

    private List<String> expressions() {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.get("expr").asString());
            }
        }
        return expressions;
    }

    /** The metric names of every query: what is left once labels, ranges, groupings and functions are gone. */
    private Set<String> seriesNames() {
        Set<String> names = new TreeSet<>();
        for (String expression : expressions()) {
            String bare = expression
                    .replaceAll("\\{[^}]*}", " ")
                    .replaceAll("\\[[^]]*]", " ")
                    .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
            Matcher identifier = IDENTIFIER.matcher(bare);
            while (identifier.find()) {
                boolean function =
                        bare.substring(identifier.end()).stripLeading().startsWith("(");
                if (!function && !KEYWORDS.contains(identifier.group())) {
                    names.add(identifier.group());
                }
            }
        }
        return names;
    }
}
