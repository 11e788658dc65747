package org.ticketoverflow.jobs;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Names this node: as a lease owner of jobs and in the box office's node registry, so both say the same name.
 * Hostname and pid tell operators where a job runs; the random part keeps two incarnations apart when a restarted
 * container gets the same hostname and pid.
 */
public record NodeId(String value) {

    static NodeId generate() {
        return new NodeId(hostname() + ":" + ProcessHandle.current().pid() + ":"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24)));
    }

    private static String hostname() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
