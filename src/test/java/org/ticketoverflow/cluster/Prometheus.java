package org.ticketoverflow.cluster;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a node's {@code /actuator/prometheus}: enough of the text format to add up samples. */
record Prometheus(String exposition) {

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /**
     * The sum of the samples of {@code metric} whose labels include {@code labels}; 0 when there are none (a meter
     * appears only once something recorded on it).
     */
    double sum(String metric, Map<String, String> labels) {
        double sum = 0;
        for (String line : exposition.lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name = line.substring(0, brace >= 0 ? brace : line.indexOf(' '));
            if (name.equals(metric) && labelsOf(line, brace).entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(line.substring(space + 1));
            }
        }
        return sum;
    }

    private static Map<String, String> labelsOf(String line, int brace) {
        Map<String, String> labels = new HashMap<>();
        if (brace < 0) {
            return labels;
        }
        Matcher matcher = LABEL.matcher(line.substring(brace, line.lastIndexOf('}') + 1));
        while (matcher.find()) {
            labels.put(matcher.group(1), matcher.group(2));
        }
        return labels;
    }
}
