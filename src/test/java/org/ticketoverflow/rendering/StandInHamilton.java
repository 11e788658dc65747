package org.ticketoverflow.rendering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Stand-in {@code hamilton} executables for tests: sh scripts that honour (or break) the contract of
 * docs/rendering.md. They see {@code generate <kind> --input <file> --output <path>} as {@code $1..$6}.
 */
final class StandInHamilton {

    private StandInHamilton() {}

    static Path write(Path directory, String name, String body) {
        try {
            Path script = directory.resolve(name);
            Files.writeString(script, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an SVG whose desc holds the input JSON, then exits 0. */
    static Path succeeding(Path directory) {
        return write(directory, "hamilton-ok", """
                { printf '<svg xmlns="http://www.w3.org/2000/svg"><desc>'; cat "$4"; printf '</desc></svg>'; } > "$6.svg"
                """);
    }

    static Path failingWith(Path directory, String messageFileContent) {
        Path message = directory.resolve("message-" + messageFileContent.hashCode());
        try {
            Files.writeString(message, messageFileContent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return write(
                directory,
                "hamilton-fail-" + messageFileContent.hashCode(),
                "cp '" + message + "' \"$6.json\"\nexit 1");
    }
}
