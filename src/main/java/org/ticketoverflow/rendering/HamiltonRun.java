package org.ticketoverflow.rendering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One run of {@code hamilton generate <kind>} in a temporary directory of its own, which is deleted afterwards
 * whatever happens, so that concurrent jobs never share file names and nothing piles up on disk.
 * <p>
 * Retryable: failures of the environment, which a later attempt may not meet (timeout, the tool could not be
 * started or was killed by a signal, I/O errors, interruption). Not retryable: the tool's verdict on this input
 * (a message in {@code <output>.json}, an empty or missing SVG, a usage error on stderr), which it would repeat.
 */
final class HamiltonRun {

    private static final Logger log = LoggerFactory.getLogger(HamiltonRun.class);
    private static final int MAX_MESSAGE_LENGTH = 2000;
    private static final int SIGNAL_EXIT_CODES = 128;

    private final Path executable;
    private final String kind;
    private final Duration timeout;
    private final JsonMapper json;

    HamiltonRun(Path executable, String kind, Duration timeout, JsonMapper json) {
        this.executable = executable;
        this.kind = kind;
        this.timeout = timeout;
        this.json = json;
    }

    String generate(byte[] inputJson) {
        Path directory;
        try {
            directory = Files.createTempDirectory("ticketoverflow-hamilton-");
        } catch (IOException e) {
            throw failure("could not create its temporary directory: " + e.getMessage(), true, e);
        }
        try {
            Path input = Files.write(directory.resolve("input.json"), inputJson);
            Path output = directory.resolve("output");
            Path stderr = directory.resolve("stderr.txt");
            int exitCode = run(
                    List.of(
                            executable.toString(),
                            "generate",
                            kind,
                            "--input",
                            input.toString(),
                            "--output",
                            output.toString()),
                    directory,
                    stderr);
            return outcome(exitCode, directory.resolve("output.svg"), directory.resolve("output.json"), stderr);
        } catch (IOException | UncheckedIOException e) {
            throw failure("I/O error: " + e.getMessage(), true, e);
        } finally {
            deleteRecursively(directory);
        }
    }

    private int run(List<String> command, Path directory, Path stderr) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(stderr.toFile())
                    .start();
        } catch (IOException e) {
            throw failure("could not be started (" + executable + "): " + e.getMessage(), true, e);
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw failure("took longer than " + timeout + " and was killed", true, null);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("was interrupted and killed", true, e);
        } finally {
            if (process.isAlive()) {
                killWithDescendants(process);
            }
        }
    }

    private String outcome(int exitCode, Path svg, Path message, Path stderr) throws IOException {
        if (exitCode == 0) {
            String document = Files.isRegularFile(svg) ? read(svg) : "";
            if (document.isBlank()) {
                throw failure("exited 0 but left " + (Files.exists(svg) ? "an empty SVG" : "no SVG"), false, null);
            }
            return document;
        }
        if (Files.isRegularFile(message)) {
            throw failure("failed: " + messageOf(read(message)), false, null);
        }
        String errors = Files.exists(stderr) ? read(stderr).strip() : "";
        boolean killedBySignal = exitCode > SIGNAL_EXIT_CODES;
        throw failure(
                "exited " + exitCode + " without a message file; stderr: "
                        + (errors.isEmpty() ? "(empty)" : shorten(errors)),
                killedBySignal,
                null);
    }

    /** The message file should be {@code {"message": "…"}} but is not always valid JSON: then its raw text. */
    private String messageOf(String content) {
        try {
            JsonNode node = json.readTree(content);
            if (node != null && node.path("message").isString()) {
                return shorten(node.path("message").stringValue());
            }
        } catch (JacksonException notJson) {
            // falls back to the raw text below
        }
        String raw = content.strip();
        return raw.isEmpty() ? "(empty message file)" : shorten(raw);
    }

    /** Children first noted, then the process killed, so a shell wrapper cannot leave its work running. */
    private void killWithDescendants(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private RenderingFailedException failure(String what, boolean retryable, Throwable cause) {
        return new RenderingFailedException("hamilton generate " + kind + " " + what, retryable, cause);
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        return text.length() <= MAX_MESSAGE_LENGTH ? text : text.substring(0, MAX_MESSAGE_LENGTH) + "…";
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not delete hamilton's temporary directory {}", directory, e);
        }
        if (Files.exists(directory)) {
            log.warn("Hamilton's temporary directory {} is left behind", directory);
        }
    }
}
