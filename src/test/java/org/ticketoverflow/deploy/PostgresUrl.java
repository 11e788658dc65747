package org.ticketoverflow.deploy;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The parts of a {@code jdbc:postgresql://host:port/database?k=v} URL that KEDA's scaler needs too. */
record PostgresUrl(String host, String port, String database, Map<String, String> parameters) {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+)(?:\\?(.*))?");

    static PostgresUrl parse(String url) {
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a single-host PostgreSQL JDBC URL: " + url);
        }
        Map<String, String> parameters = matcher.group(4) == null
                ? Map.of()
                : Arrays.stream(matcher.group(4).split("&"))
                        .map(pair -> pair.split("=", 2))
                        .collect(Collectors.toMap(pair -> pair[0], pair -> pair.length > 1 ? pair[1] : ""));
        return new PostgresUrl(
                matcher.group(1), matcher.group(2) == null ? "5432" : matcher.group(2), matcher.group(3), parameters);
    }

    Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }
}
