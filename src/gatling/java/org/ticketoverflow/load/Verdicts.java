package org.ticketoverflow.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The checks of what a scenario promises, judged at the end of the run. Each check is also a Gatling request
 * named {@code verify: ...} that is KO when the check fails (see {@link Verification}), so a failed promise
 * fails the run's assertions (non-zero exit) and shows in the HTML report; {@link #print} writes the figures.
 */
final class Verdicts {

    /** The figures a check looked at, and what is wrong with them ({@code null} when nothing is). */
    record Finding(String figures, String problem) {

        static Finding of(String figures, List<String> problems) {
            return new Finding(figures, problems.isEmpty() ? null : String.join("; ", problems));
        }
    }

    private final String simulation;
    private final Map<String, Finding> findings = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();

    Verdicts(String simulation) {
        this.simulation = simulation;
    }

    /** Records a finding and answers "ok" or the problem, for a Gatling check to compare with "ok". */
    String record(String check, Finding finding) {
        if (findings.put(check, finding) == null) {
            order.add(check);
        }
        return finding.problem() == null ? "ok" : finding.problem();
    }

    String record(String check, RuntimeException failure) {
        return record(check, new Finding("check could not run", failure.toString()));
    }

    void note(String text) {
        notes.add(text);
    }

    boolean passed() {
        return !findings.isEmpty() && findings.values().stream().allMatch(finding -> finding.problem() == null);
    }

    void print(LoadSettings settings) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("==== " + simulation + " — checked figures (" + settings.describe() + ") ====");
        if (order.isEmpty()) {
            lines.add(" FAIL  the checks never ran (the run stopped early?)");
        }
        for (String check : order) {
            Finding finding = findings.get(check);
            lines.add((finding.problem() == null ? " PASS  " : " FAIL  ") + check + ": " + finding.figures());
            if (finding.problem() != null) {
                lines.add("        problem: " + finding.problem());
            }
        }
        notes.forEach(note -> lines.add(" note  " + note));
        lines.add("==== " + simulation + ": " + (passed() ? "all checks passed" : "CHECKS FAILED") + " ====");
        lines.add("");
        System.out.println(String.join(System.lineSeparator(), lines));
    }
}
