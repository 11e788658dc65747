package org.ticketoverflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md's module table names every module and, for each, exactly its public types: the surface other
 * modules may use. A type made public, or a new module, without its row fails here by name.
 */
class ArchitectureDocumentTests {

    private static final Path DOCUMENT = Path.of("docs", "architecture.md");
    private static final Path SOURCES = Path.of("src", "main", "java", "org", "ticketoverflow");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "(?m)^public (?:final |sealed |abstract |non-sealed )*(?:class|record|interface|enum) (\\w+)");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `(\\w+)`[^|]*\\|[^|]*\\|([^|]*)\\|$");
    private static final Pattern TYPE = Pattern.compile("`([A-Z]\\w*)`");

    @Test
    void moduleTableListsEveryModuleWithExactlyItsPublicTypes() throws IOException {
        assertThat(documented()).isEqualTo(publicTypes());
    }

    private static Map<String, Set<String>> documented() throws IOException {
        String markdown = Files.readString(DOCUMENT);
        String modules = markdown.substring(markdown.indexOf("## Modules"), markdown.indexOf("## Schema"));
        Map<String, Set<String>> table = new TreeMap<>();
        Matcher row = ROW.matcher(modules);
        while (row.find()) {
            Set<String> types = new TreeSet<>();
            Matcher type = TYPE.matcher(row.group(2));
            while (type.find()) {
                types.add(type.group(1));
            }
            table.put(row.group(1), types);
        }
        return table;
    }

    private static Map<String, Set<String>> publicTypes() throws IOException {
        Map<String, Set<String>> modules = new TreeMap<>();
        try (Stream<Path> packages = Files.list(SOURCES)) {
            for (Path module : packages.filter(Files::isDirectory).toList()) {
                Set<String> types = new TreeSet<>();
                try (Stream<Path> files = Files.walk(module)) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        Matcher type = PUBLIC_TYPE.matcher(Files.readString(file));
                        while (type.find()) {
                            types.add(type.group(1));
                        }
                    }
                }
                modules.put(module.getFileName().toString(), types);
            }
        }
        return modules;
    }
}
