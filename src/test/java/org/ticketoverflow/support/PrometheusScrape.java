package org.ticketoverflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of {@code /actuator/prometheus}, as Prometheus would read it. */
public final class PrometheusScrape {

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Sample(String name, Map<String, String> labels, double value) {}

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = samples;
    }

    public static PrometheusScrape of(ApiClient api) {
        ApiResponse scrape = api.get("/actuator/prometheus");
        assertThat(scrape.status()).as("GET /actuator/prometheus: %s", scrape).isEqualTo(200);
        List<Sample> samples = new ArrayList<>();
        for (String line : scrape.body().split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line));
            }
        }
        return new PrometheusScrape(samples);
    }

    /** Whether a series of this name carries all the given labels ({@code "kind", "print", …}). */
    public boolean has(String name, String... labels) {
        return samples.stream().anyMatch(sample -> matches(sample, name, labels));
    }

    /** The sum over every series of this name carrying the given labels; 0 if there is none. */
    public double value(String name, String... labels) {
        return samples.stream()
                .filter(sample -> matches(sample, name, labels))
                .mapToDouble(Sample::value)
                .sum();
    }

    /** Every series of this name, by its labels, with its value. */
    public Map<Map<String, String>, Double> series(String name) {
        Map<Map<String, String>, Double> series = new LinkedHashMap<>();
        samples.stream()
                .filter(sample -> sample.name().equals(name))
                .forEach(sample -> series.merge(sample.labels(), sample.value(), Double::sum));
        return series;
    }

    private static boolean matches(Sample sample, String name, String... labels) {
        if (!sample.name().equals(name)) {
            return false;
        }
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        Map<String, String> labels = new LinkedHashMap<>();
        String name;
        String rest;
        if (brace >= 0 && brace < space) {
            int close = line.lastIndexOf('}');
            name = line.substring(0, brace);
            Matcher label = LABEL.matcher(line.substring(brace + 1, close));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            rest = line.substring(close + 1).strip();
        } else {
            name = line.substring(0, space);
            rest = line.substring(space + 1).strip();
        }
        String value = rest.split(" ")[0];
        double number = switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(value);
        };
        return new Sample(name, labels, number);
    }
}
