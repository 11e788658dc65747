package org.ticketoverflow.rendering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hamilton runs that must not get out of hand: hung processes and too many at once. */
class HamiltonLimitsTests {

    private final TicketDocument ticket =
            new TicketDocument("t-1", "Evan", "evan@uq.edu.au", "c-1", "Opera", "2023-06-07", "Sydney");

    @TempDir
    Path tools;

    @Test
    void aHungProcessIsKilledWithItsChildrenAndTheJobMayBeRetried() throws IOException {
        Path record = Files.createDirectory(tools.resolve("record"));
        Path hanging = StandInHamilton.write(tools, "hanging", """
                echo "$6" > '%1$s/output'
                echo $$ > '%1$s/pid'
                sleep 300 &
                echo $! > '%1$s/child'
                wait
                """.formatted(record));
        Renderer renderer = new HamiltonRenderer(hanging, Duration.ofSeconds(1), 1);

        long start = System.nanoTime();
        assertThatThrownBy(() -> renderer.renderTicket(ticket))
                .isInstanceOfSatisfying(
                        RenderingFailedException.class,
                        e -> assertThat(e.retryable()).isTrue())
                .hasMessageContaining("took longer than PT1S");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofSeconds(10));
        long pid = Long.parseLong(Files.readString(record.resolve("pid")).strip());
        long child = Long.parseLong(Files.readString(record.resolve("child")).strip());
        await().atMost(Duration.ofSeconds(5)).until(() -> !running(pid) && !running(child));
        assertThat(Path.of(Files.readString(record.resolve("output")).strip()).getParent())
                .doesNotExist();
    }

    @Test
    void neverRunsMoreProcessesThanAllowed() throws Exception {
        Path record = Files.createDirectory(tools.resolve("record"));
        Files.createDirectory(record.resolve("running"));
        Path counting = StandInHamilton.write(tools, "counting", """
                touch '%1$s/running/'$$
                ls '%1$s/running' | wc -l >> '%1$s/counts'
                echo "$6" >> '%1$s/outputs'
                sleep 0.5
                rm '%1$s/running/'$$
                echo '<svg xmlns="http://www.w3.org/2000/svg"/>' > "$6.svg"
                """.formatted(record));
        Renderer renderer = new HamiltonRenderer(counting, Duration.ofSeconds(30), 2);

        List<Future<String>> jobs = new ArrayList<>();
        try (ExecutorService workers = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                jobs.add(workers.submit(() -> renderer.renderTicket(ticket)));
            }
        }
        for (Future<String> job : jobs) {
            assertThat(job.get()).startsWith("<svg");
        }

        List<Integer> counts = Files.readAllLines(record.resolve("counts")).stream()
                .map(line -> Integer.parseInt(line.strip()))
                .toList();
        assertThat(counts)
                .hasSize(6)
                .allSatisfy(count -> assertThat(count).isBetween(1, 2))
                .contains(2);
        assertThat(Files.readAllLines(record.resolve("outputs")).stream()
                        .map(output -> Path.of(output).getParent()))
                .as("every job has a directory of its own")
                .doesNotHaveDuplicates();
    }

    /** A killed process may linger as a zombie until its parent reaps it; it runs no more. */
    private static boolean running(long pid) throws IOException {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        try {
            String content = Files.readString(stat);
            char state = content.charAt(content.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException gone) {
            return false;
        }
    }
}
