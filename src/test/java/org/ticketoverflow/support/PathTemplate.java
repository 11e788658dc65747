package org.ticketoverflow.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** A path of the document, e.g. {@code /api/v1/concerts/{id}}, as a pattern over request paths. */
record PathTemplate(String path, Pattern pattern, List<String> names) {

    static PathTemplate of(String path) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=})")) {
            if (part.startsWith("{")) {
                names.add(part.substring(1, part.length() - 1));
                regex.append("([^/]+)");
            } else {
                regex.append(Pattern.quote(part));
            }
        }
        return new PathTemplate(path, Pattern.compile(regex.toString()), List.copyOf(names));
    }

    boolean matches(String requestPath) {
        return pattern.matcher(requestPath).matches();
    }

    Map<String, String> values(String requestPath) {
        var matcher = pattern.matcher(requestPath);
        Map<String, String> values = new HashMap<>();
        if (matcher.matches()) {
            for (int i = 0; i < names.size(); i++) {
                values.put(names.get(i), URLDecoder.decode(matcher.group(i + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
