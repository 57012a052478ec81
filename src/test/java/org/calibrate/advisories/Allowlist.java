package org.calibrate.advisories;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepted findings, one a line: {@code <advisory id or alias> <group:artifact> <expires yyyy-mm-dd> <reason>};
 * {@code #} starts a comment. An entry without a reason, or past its date, is itself an error: an
 * acceptance is a decision someone has to take again, not a way to silence the check for good.
 */
record Allowlist(List<Entry> entries, List<String> errors) {

    record Entry(String advisory, String packageName, LocalDate expires, String reason, int line) {
        boolean covers(Advisory a, String pkg) {
            return packageName.equals(pkg) && (a.id().equalsIgnoreCase(advisory) || a.aliases().stream().anyMatch(advisory::equalsIgnoreCase));
        }
    }

    static Allowlist read(Path file, LocalDate today) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (file == null || !Files.exists(file)) {
            return new Allowlist(entries, errors);
        }
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = file.getFileName() + ":" + (i + 1);
            String[] f = line.split("\\s+", 4);
            if (f.length < 4 || f[3].isBlank()) {
                errors.add(where + ": needs an advisory id, group:artifact, an expiry date (yyyy-mm-dd) and a reason");
                continue;
            }
            LocalDate expires;
            try {
                expires = LocalDate.parse(f[2]);
            } catch (DateTimeParseException e) {
                errors.add(where + ": \"" + f[2] + "\" is not a date (yyyy-mm-dd)");
                continue;
            }
            if (expires.isBefore(today)) {
                errors.add(where + ": the acceptance of " + f[0] + " for " + f[1] + " expired on " + expires
                        + "; upgrade, or decide again and write a new date and reason");
                continue;
            }
            entries.add(new Entry(f[0], f[1], expires, f[3], i + 1));
        }
        return new Allowlist(entries, errors);
    }
}
