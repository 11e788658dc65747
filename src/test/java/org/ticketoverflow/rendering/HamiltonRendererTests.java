package org.ticketoverflow.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HamiltonRendererTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final TicketDocument ticket = new TicketDocument(
            "t-1",
            "Evan \"The Hammer\" Hughes & <Co>",
            "evan@uq.edu.au",
            "c-1",
            "Rock & Roll \\ \"Live\"",
            "2023-06-07",
            "Sydney Opera House");

    private final SeatingDocument plan =
            new SeatingDocument("c-1", "Rock & Roll", "2023-06-07", "Sydney", 150_000, 1234);

    @TempDir
    Path tools;

    @Test
    void returnsTheSvgHamiltonWrote() {
        Renderer renderer = new HamiltonRenderer(StandInHamilton.succeeding(tools), TIMEOUT, 1);

        String svg = renderer.renderTicket(ticket);

        assertThat(svg).startsWith("<svg").contains("\"id\":\"t-1\"").endsWith("</svg>");
    }

    @Test
    void passesTicketsExactlyAsTheContractSays() throws IOException {
        Path record = Files.createDirectory(tools.resolve("record"));
        Renderer renderer = new HamiltonRenderer(recorder(record), TIMEOUT, 1);

        renderer.renderTicket(ticket);

        List<String> argv = Files.readAllLines(record.resolve("argv"));
        assertThat(argv).hasSize(6);
        assertThat(argv.subList(0, 3)).containsExactly("generate", "ticket", "--input");
        assertThat(argv.get(4)).isEqualTo("--output");
        Path input = Path.of(argv.get(3));
        Path output = Path.of(argv.get(5));
        assertThat(input.getFileName().toString()).endsWith(".json");
        assertThat(output.getFileName().toString()).doesNotContain(".");
        assertThat(output.getParent()).isEqualTo(input.getParent());
        assertThat(Files.readString(record.resolve("pwd")).strip())
                .isEqualTo(input.getParent().toString());
        assertThat(input.getParent()).as("the job's own directory is removed").doesNotExist();

        JsonNode sent =
                JsonMapper.shared().readTree(record.resolve("input.json").toFile());
        JsonNode expected = JsonMapper.shared().readTree("""
                {"id": "t-1", "name": "Evan \\"The Hammer\\" Hughes & <Co>", "email": "evan@uq.edu.au",
                 "concert": {"id": "c-1", "name": "Rock & Roll \\\\ \\"Live\\"", "date": "2023-06-07",
                             "venue": "Sydney Opera House"}}
                """);
        assertThat(sent).isEqualTo(expected);
    }

    @Test
    void passesSeatingPlansExactlyAsTheContractSays() throws IOException {
        Path record = Files.createDirectory(tools.resolve("record"));
        Renderer renderer = new HamiltonRenderer(recorder(record), TIMEOUT, 1);

        renderer.renderSeatingPlan(plan);

        assertThat(Files.readAllLines(record.resolve("argv")).subList(0, 3))
                .containsExactly("generate", "seating", "--input");
        JsonNode sent =
                JsonMapper.shared().readTree(record.resolve("input.json").toFile());
        JsonNode expected = JsonMapper.shared().readTree("""
                {"id": "c-1", "name": "Rock & Roll", "date": "2023-06-07", "venue": "Sydney",
                 "seats": {"max": 150000, "purchased": 1234}}
                """);
        assertThat(sent).isEqualTo(expected);
        assertThat(sent.get("seats").get("max").isInt()).isTrue();
    }

    @Test
    void aJsonFailureMessageFailsForGood() {
        Renderer renderer = new HamiltonRenderer(
                StandInHamilton.failingWith(tools, "{\"message\": \"cannot draw \\\"t-1\\\"\"}"), TIMEOUT, 1);

        assertThatThrownBy(() -> renderer.renderTicket(ticket))
                .isInstanceOfSatisfying(
                        RenderingFailedException.class,
                        e -> assertThat(e.retryable()).isFalse())
                .hasMessageEndingWith("failed: cannot draw \"t-1\"");
    }

    @Test
    void aMessageThatIsNotJsonIsPassedOnAsText() {
        Renderer renderer = new HamiltonRenderer(
                StandInHamilton.failingWith(tools, "{\"message\": \"bad \"quote\" here\"}"), TIMEOUT, 1);

        assertThatThrownBy(() -> renderer.renderSeatingPlan(plan))
                .isInstanceOfSatisfying(
                        RenderingFailedException.class,
                        e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("{\"message\": \"bad \"quote\" here\"}");
    }

    @Test
    void anEmptySvgIsAFailure() {
        Renderer renderer = new HamiltonRenderer(StandInHamilton.write(tools, "empty", ": > \"$6.svg\""), TIMEOUT, 1);

        assertThatThrownBy(() -> renderer.renderTicket(ticket))
                .isInstanceOfSatisfying(
                        RenderingFailedException.class,
                        e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("empty SVG");
    }

    @Test
    void exitingWithoutAnySvgIsAFailure() {
        Renderer renderer = new HamiltonRenderer(StandInHamilton.write(tools, "nothing", "exit 0"), TIMEOUT, 1);

        assertThatThrownBy(() -> renderer.renderTicket(ticket))
                .isInstanceOfSatisfying(
                        RenderingFailedException.class,
                        e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("no SVG");
    }

    @Test
    void aUsageErrorCarriesStderr() {
        Renderer renderer = new HamiltonRenderer(
                StandInHamilton.write(tools, "bad-flag", "echo \"error: unknown flag '$3'\" >&2\nexit 1"), TIMEOUT, 1);

        assertThatThrownBy(() -> renderer.renderTicket(ticket))
                .isInstanceOfSatisfying(
                        RenderingFailedException.class,
                        e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("exited 1")
                .hasMessageContaining("error: unknown flag '--input'");
    }

    @Test
    void aToolThatCannotBeStartedIsWorthRetrying() {
        Renderer renderer = new HamiltonRenderer(tools.resolve("no-such-hamilton"), TIMEOUT, 1);

        assertThatThrownBy(() -> renderer.renderTicket(ticket))
                .isInstanceOfSatisfying(
                        RenderingFailedException.class,
                        e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("could not be started");
    }

    private Path recorder(Path record) {
        return StandInHamilton.write(tools, "recorder", """
                for arg in "$@"; do echo "$arg"; done > '%1$s/argv'
                pwd > '%1$s/pwd'
                cp "$4" '%1$s/input.json'
                echo '<svg xmlns="http://www.w3.org/2000/svg"/>' > "$6.svg"
                """.formatted(record));
    }
}
