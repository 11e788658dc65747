package org.ticketoverflow.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** nginx's access log as {@link Nginx} writes it: when, which upstream answered, the status and its time. */
record UpstreamLog(List<Entry> entries) {

    record Entry(Instant at, String upstream, int status, String method, double upstreamSeconds) {

        boolean servedBy(NodeProcess node) {
            return upstream.equals("127.0.0.1:" + node.port());
        }
    }

    static UpstreamLog read(Path file) {
        try {
            return new UpstreamLog(Files.readAllLines(file).stream()
                    .map(line -> line.split(" "))
                    .filter(fields -> fields.length == 5)
                    .map(fields -> new Entry(
                            Instant.ofEpochMilli(Math.round(Double.parseDouble(fields[0]) * 1000)),
                            fields[1],
                            Integer.parseInt(fields[2]),
                            fields[3],
                            fields[4].equals("-") ? Double.NaN : Double.parseDouble(fields[4])))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Entry> servedBy(NodeProcess node) {
        return entries.stream().filter(entry -> entry.servedBy(node)).toList();
    }

    /** Requests nginx passed to more than one upstream (a retry after a failed connection), or to none. */
    List<Entry> notServedByOneUpstream() {
        return entries.stream()
                .filter(entry ->
                        entry.upstream().contains(",") || entry.upstream().equals("-"))
                .toList();
    }
}
