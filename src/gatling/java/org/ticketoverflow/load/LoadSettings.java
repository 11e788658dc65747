package org.ticketoverflow.load;

import java.net.URI;
import java.time.Duration;

/**
 * What one load-test run is aimed at and how big it is, read from {@code -D} system properties (the Gatling
 * Maven plugin passes Maven's {@code -D} properties on to the forked Gatling JVM).
 *
 * <p>{@code scale} shrinks the sale durations, the capacities and the sizes of backlogs alike, so a scenario
 * that lasts 11 minutes at scale 1 lasts about 2 at scale 0.2. Purchaser counts are <em>not</em> shrunk by it:
 * with the ~10 s think time that keeps the arrival rate (purchases/s) of the spec and the ratio of attempts to
 * seats, so a sale that sells out at scale 1 still sells out at scale 0.1. {@code userScale} shrinks purchaser
 * counts separately when a machine cannot hold them. {@code scale.Q<n>} overrides {@code scale} for one
 * scenario (used by the run-all command).
 */
record LoadSettings(
        URI baseUrl,
        double scale,
        double userScale,
        Duration thinkTime,
        Duration maxStaleness,
        int maxP99Millis,
        double maxFailedPercent) {

    static LoadSettings forScenario(String scenario) {
        double scale = number("scale." + scenario, number("scale", 1.0));
        if (!(scale > 0)) {
            throw new IllegalArgumentException("scale must be > 0, was " + scale);
        }
        return new LoadSettings(
                URI.create(text("baseUrl", "http://localhost:8080").replaceAll("/+$", "")),
                scale,
                number("userScale", 1.0),
                Duration.ofMillis((long) number("thinkMillis", 10_000)),
                Duration.ofSeconds((long) number("maxStalenessSeconds", 180)),
                (int) number("maxP99Millis", 2_000),
                number("maxFailedPercent", 0.0));
    }

    /** A capacity or a count of things (tickets, prints) at this scale; at least 1. */
    int scaled(int fullScale) {
        return (int) Math.max(1, Math.round(fullScale * scale));
    }

    int purchasers(int fullScale) {
        return (int) Math.max(1, Math.round(fullScale * userScale));
    }

    Duration duration(Duration fullScale) {
        return Duration.ofMillis(Math.max(1_000, Math.round(fullScale.toMillis() * scale)));
    }

    /** A duration at this scale, but never shorter than {@code floor}. */
    Duration duration(Duration fullScale, Duration floor) {
        Duration scaled = duration(fullScale);
        return scaled.compareTo(floor) < 0 ? floor : scaled;
    }

    static double number(String key, double defaultValue) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? defaultValue : Double.parseDouble(value.trim());
    }

    static Duration seconds(String key, Duration defaultValue) {
        String value = System.getProperty(key);
        return value == null || value.isBlank()
                ? defaultValue
                : Duration.ofMillis(Math.round(Double.parseDouble(value.trim()) * 1000));
    }

    static String text(String key, String defaultValue) {
        String value = System.getProperty(key);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    String describe() {
        return "baseUrl=%s scale=%s userScale=%s".formatted(baseUrl, scale, userScale);
    }
}
