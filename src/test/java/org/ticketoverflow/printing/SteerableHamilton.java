package org.ticketoverflow.printing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A stand-in for the {@code hamilton} tool (the contract of docs/rendering.md) that a test steers through files in its
 * directory, per kind ({@code ticket} or {@code seating}): while {@code hold-<kind>} exists renders of that kind
 * wait; {@code delay-<kind>} holds the seconds each render takes; with {@code fail-<kind>} they fail with a JSON
 * message, as hamilton does for input it refuses. A ticket's SVG has the ticket id as its root desc and the
 * whole input (holder, concert name…) as its text; a plan's desc is {@code <id>|<max>|<purchased>}. Every
 * successful render appends {@code <kind> <id>} to {@code renders.log}.
 */
final class SteerableHamilton {

    static final String TICKET = "ticket";
    static final String SEATING = "seating";

    private static final String SCRIPT = """
            #!/bin/sh
            # hamilton generate <kind> --input <file> --output <path>
            control='%s'
            kind="$2"; input="$4"; output="$6"
            while [ -e "$control/hold-$kind" ]; do sleep 0.02; done
            if [ -e "$control/delay-$kind" ]; then sleep "$(cat "$control/delay-$kind")"; fi
            id=$(sed -n 's/^{"id":"\\([^"]*\\)".*$/\\1/p' "$input")
            if [ -e "$control/fail-$kind" ]; then
              printf '{"message": "the stand-in refuses %%s"}' "$id" > "$output.json"
              exit 1
            fi
            details=$(sed -e 's/&/\\&amp;/g' -e 's/</\\&lt;/g' -e 's/>/\\&gt;/g' "$input")
            if [ "$kind" = seating ]; then
              max=$(sed -n 's/.*"max":\\([0-9]*\\).*/\\1/p' "$input")
              purchased=$(sed -n 's/.*"purchased":\\([0-9]*\\).*/\\1/p' "$input")
              desc="$id|$max|$purchased"
            else
              desc="$id"
            fi
            printf '<svg xmlns="http://www.w3.org/2000/svg"><desc>%%s</desc><text>%%s</text></svg>' "$desc" "$details" \\
              > "$output.svg"
            echo "$kind $id" >> "$control/renders.log"
            """;

    private final Path directory;
    private final Path executable;

    private SteerableHamilton(Path directory) {
        this.directory = directory;
        this.executable = directory.resolve("hamilton");
        try {
            Files.writeString(executable, SCRIPT.formatted(directory));
            Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SteerableHamilton create() {
        try {
            return new SteerableHamilton(Files.createTempDirectory("ticketoverflow-steerable-hamilton-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path executable() {
        return executable;
    }

    void hold(String kind) {
        write("hold-" + kind, "");
    }

    void release(String kind) {
        delete("hold-" + kind);
    }

    void fail(String kind) {
        write("fail-" + kind, "");
    }

    void succeed(String kind) {
        delete("fail-" + kind);
    }

    /** Every render of this kind takes at least this long, e.g. {@code "0.2"} seconds. */
    void delay(String kind, String seconds) {
        write("delay-" + kind, seconds);
    }

    void noDelay(String kind) {
        delete("delay-" + kind);
    }

    /** How many renders of this kind for this subject (ticket or concert id) succeeded. */
    long renders(String kind, String subject) {
        Path log = directory.resolve("renders.log");
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return lines.stream().filter((kind + " " + subject)::equals).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String file, String content) {
        try {
            Path temporary = Files.writeString(directory.resolve(file + ".tmp"), content);
            Files.move(temporary, directory.resolve(file), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(String file) {
        try {
            Files.deleteIfExists(directory.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
