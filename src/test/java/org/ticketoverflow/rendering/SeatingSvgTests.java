package org.ticketoverflow.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SeatingSvgTests {

    private final Renderer renderer = new BuiltinRenderer(RenderCost.NONE);

    /** A run of seats as drawn: a rect filled with the sold or the free seat pattern. */
    private record Run(int x, int y, int width, int height, boolean sold, double shift) {}

    @Test
    void descHoldsConcertIdCapacityAndSold() {
        Document svg = SvgDocuments.parse(renderer.renderSeatingPlan(plan(1000, 137)));
        Element desc = SvgDocuments.firstChildElement(svg.getDocumentElement());

        assertThat(desc.getLocalName()).isEqualTo("desc");
        assertThat(desc.getTextContent()).isEqualTo("c0ffee00-0000-0000-0000-000000000001|1000|137");
    }

    @Test
    void showsNameVenueAndLegendWithEscapedText() {
        SeatingDocument plan = new SeatingDocument(
                "c1", "Rock & Roll <Live> \"Tonight\"", "2023-06-07", "O'Reilly's & Sons", 12_345, 2_345);

        List<String> texts = SvgDocuments.texts(SvgDocuments.parse(renderer.renderSeatingPlan(plan)));

        assertThat(texts).contains(plan.name(), "Sold 2,345", "Free 10,000", "Capacity 12,345", "STAGE");
        assertThat(texts)
                .anySatisfy(text -> assertThat(text).contains(plan.venue()).contains(plan.date()));
    }

    @ParameterizedTest
    @CsvSource({
        "0,0",
        "1,0",
        "1,1",
        "7,3",
        "100,0",
        "100,100",
        "1000,137",
        "12345,6789",
        "150000,74999",
        "150000,150000",
        "149999,1"
    })
    void drawsOneMarkPerSeatAndOnePerSoldSeat(int capacity, int sold) {
        Document svg = SvgDocuments.parse(renderer.renderSeatingPlan(plan(capacity, sold)));
        int pitch = pitch(svg);

        List<Run> runs = runs(svg);

        assertThat(runs.stream()
                        .mapToLong(run -> (long) run.width() * run.height())
                        .sum())
                .isEqualTo((long) capacity * pitch * pitch);
        assertThat(runs.stream()
                        .filter(Run::sold)
                        .mapToLong(run -> (long) run.width() * run.height())
                        .sum())
                .isEqualTo((long) sold * pitch * pitch);
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.width() % pitch).isZero();
            assertThat(run.height() % pitch).isZero();
            assertThat(run.x()).isBetween(0, 1200 - run.width());
        });
    }

    @Test
    void fillsTheFrontRowFirstFromItsCentreOutwards() {
        Document svg = SvgDocuments.parse(renderer.renderSeatingPlan(plan(1000, 50)));
        int pitch = pitch(svg);
        List<Run> runs = runs(svg);
        int frontRow = runs.stream().mapToInt(Run::y).min().orElseThrow();
        double stageBottom = SvgDocuments.elements(svg, "rect").stream()
                .filter(rect -> "8".equals(rect.getAttribute("rx")))
                .mapToDouble(rect ->
                        Double.parseDouble(rect.getAttribute("y")) + Double.parseDouble(rect.getAttribute("height")))
                .findFirst()
                .orElseThrow();

        Run front = runs.stream().filter(run -> run.y() == frontRow).findFirst().orElseThrow();
        List<Run> secondRow = runs.stream()
                .filter(run -> run.y() == frontRow + pitch)
                .sorted(Comparator.comparingInt(Run::x))
                .toList();

        assertThat(stageBottom).isLessThanOrEqualTo(frontRow);
        assertThat(front.sold()).isTrue();
        assertThat(front.height()).isEqualTo(pitch);
        int perRow = front.width() / pitch;
        assertThat(secondRow).extracting(Run::sold).containsExactly(false, true, false);
        Run centre = secondRow.get(1);
        assertThat(centre.width() / pitch).isEqualTo(50 - perRow);
        assertThat(Math.abs(centre.x() + centre.width() / 2.0 - 600)).isLessThanOrEqualTo(pitch);
    }

    @ParameterizedTest
    @CsvSource({"23,5", "1000,377", "4999,2500", "150000,75001", "149999,149990"})
    void everyRowIsCentredUnderTheStage(int capacity, int sold) {
        List<Run> runs = runs(SvgDocuments.parse(renderer.renderSeatingPlan(plan(capacity, sold))));

        Map<Integer, List<Run>> rows = runs.stream().collect(Collectors.groupingBy(Run::y));
        assertThat(rows.values()).allSatisfy(row -> {
            double left =
                    row.stream().mapToDouble(run -> run.x() + run.shift()).min().orElseThrow();
            double right = row.stream()
                    .mapToDouble(run -> run.x() + run.shift() + run.width())
                    .max()
                    .orElseThrow();
            assertThat((left + right) / 2).isCloseTo(600, within(0.5));
        });
    }

    @Test
    void heightGrowsWithCapacity() {
        int small = height(renderer.renderSeatingPlan(plan(500, 0)));
        int large = height(renderer.renderSeatingPlan(plan(50_000, 0)));

        assertThat(large).isGreaterThan(small);
    }

    @Test
    void staysCompactAndFastForTheLargestVenue() {
        renderer.renderSeatingPlan(plan(150_000, 70_001));

        long start = System.nanoTime();
        String svg = renderer.renderSeatingPlan(plan(150_000, 75_001));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(svg.getBytes(StandardCharsets.UTF_8).length).isLessThan(50_000);
        assertThat(millis).isLessThan(500);
        assertThat(height(svg)).isGreaterThan(10_000);
    }

    @Test
    void eachPatternTileIsOneSeatMark() {
        Document svg = SvgDocuments.parse(renderer.renderSeatingPlan(plan(150_000, 1)));

        assertThat(SvgDocuments.elements(svg, "pattern")).hasSize(2).allSatisfy(pattern -> {
            assertThat(pattern.getElementsByTagNameNS(SvgDocuments.SVG_NAMESPACE, "*")
                            .getLength())
                    .isEqualTo(1);
            assertThat(pattern.getAttribute("width")).isEqualTo(pattern.getAttribute("height"));
        });
    }

    private static SeatingDocument plan(int capacity, int sold) {
        return new SeatingDocument(
                "c0ffee00-0000-0000-0000-000000000001",
                "Phantom of the Opera",
                "2023-06-07",
                "Sydney Opera House",
                capacity,
                sold);
    }

    private static int pitch(Document svg) {
        List<String> widths = SvgDocuments.elements(svg, "pattern").stream()
                .map(p -> p.getAttribute("width"))
                .distinct()
                .toList();
        assertThat(widths).hasSize(1);
        return Integer.parseInt(widths.getFirst());
    }

    private static List<Run> runs(Document svg) {
        return SvgDocuments.elements(svg, "rect").stream()
                .filter(rect -> rect.getAttribute("fill").startsWith("url(#"))
                .map(rect -> new Run(
                        Integer.parseInt(rect.getAttribute("x")),
                        Integer.parseInt(rect.getAttribute("y")),
                        Integer.parseInt(rect.getAttribute("width")),
                        Integer.parseInt(rect.getAttribute("height")),
                        switch (rect.getAttribute("fill")) {
                            case "url(#sold)" -> true;
                            case "url(#free)" -> false;
                            default -> throw new AssertionError(rect.getAttribute("fill"));
                        },
                        shift(rect.getAttribute("transform"))))
                .toList();
    }

    private static double shift(String transform) {
        if (transform.isEmpty()) {
            return 0;
        }
        assertThat(transform).matches("translate\\([\\d.]+ 0\\)");
        return Double.parseDouble(transform.substring("translate(".length(), transform.indexOf(' ')));
    }

    private static int height(String svg) {
        return Integer.parseInt(SvgDocuments.parse(svg).getDocumentElement().getAttribute("height"));
    }
}
