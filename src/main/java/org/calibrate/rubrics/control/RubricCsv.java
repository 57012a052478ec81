package org.calibrate.rubrics.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.calibrate.rubrics.entity.Cap;
import org.calibrate.rubrics.entity.Criterion;
import org.calibrate.rubrics.entity.RubricDefinition;
import org.calibrate.rubrics.entity.ScorePoint;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A rubric as one spreadsheet table (CSV, one row per rubric, criterion, point, cap or note), so authors
 * can write and keep rubrics in Excel or LibreOffice.
 *
 * <p>Cells that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR) are written
 * with a leading apostrophe, and one leading apostrophe is dropped on reading (OWASP "CSV Injection").
 */
public final class RubricCsv {
    static final int MAX_BYTES = 256 * 1024;
    static final int MAX_ROWS = 2000;
    static final List<String> HEADER = List.of("kind", "key", "name", "level", "text", "applies_to");
    private static final char BOM = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private RubricCsv() {
    }

    /** CSV with CRLF line ends and a byte order mark, which is how Excel recognises UTF-8. */
    public static String write(RubricDefinition rubric) {
        StringBuilder out = new StringBuilder().append(BOM);
        try (CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            csv.printRecord(HEADER);
            csv.printRecord(row("rubric", null, rubric.title(), null, rubric.description(), null));
            for (Criterion c : rubric.criteria()) {
                csv.printRecord(row("criterion", c.key(), c.name(), null, c.description(), null));
            }
            for (Criterion c : rubric.criteria()) {
                for (ScorePoint p : c.points()) {
                    csv.printRecord(row("point", c.key(), p.label(), p.level(), p.descriptor(), null));
                }
            }
            for (Cap cap : rubric.caps()) {
                csv.printRecord(row("cap", cap.key(), null, cap.maxLevel(), cap.condition(), String.join(";", cap.criteria())));
            }
            for (String note : rubric.notes()) {
                csv.printRecord(row("note", null, null, null, note, null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }

    /** Reads without checking the rubric rules; rows may come in any order, as after sorting a sheet. */
    public static RubricDefinition read(String csv) {
        if (csv == null || csv.isBlank()) {
            throw new InvalidRubric("The rubric sheet is empty");
        }
        if (csv.length() > MAX_BYTES || csv.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidRubric("The rubric sheet is larger than " + MAX_BYTES / 1024 + " KB");
        }
        String text = csv.charAt(0) == BOM ? csv.substring(1) : csv;
        Sheet sheet = new Sheet();
        long line = 1;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            boolean header = true;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                List<String> cells = cells(record, line);
                if (header) {
                    header(cells);
                    header = false;
                } else if (!cells.stream().allMatch(String::isEmpty)) {
                    if (++sheet.rows > MAX_ROWS) {
                        throw new InvalidRubric("Line " + line + ": the sheet has more than " + MAX_ROWS + " rows");
                    }
                    sheet.add(cells, line);
                }
                // The parser has consumed the record's line end, so the next record starts on the next line.
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv's own message quotes parser internals; the line and the usual cause help more.
            throw new InvalidRubric("Line " + line + ": not valid CSV (a quote opened but never closed, "
                    + "or text after a closing quote)");
        }
        return sheet.rubric();
    }

    /** The import path: read, then refuse anything that breaks the rubric rules. */
    public static RubricDefinition importCsv(String csv) {
        RubricDefinition rubric = read(csv);
        RubricRules.requireValid(rubric);
        return rubric;
    }

    private static List<String> row(String kind, String key, String name, Integer level, String text, String appliesTo) {
        return Arrays.asList(kind, escape(key), escape(name), level == null ? "" : level.toString(), escape(text),
                escape(appliesTo));
    }

    private static String escape(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return "=+-@\t\r'".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static List<String> cells(CSVRecord record, long line) {
        if (record.size() > HEADER.size()) {
            for (int i = HEADER.size(); i < record.size(); i++) {
                if (!record.get(i).isBlank()) {
                    throw new InvalidRubric("Line " + line + ": has more than the " + HEADER.size() + " columns "
                            + String.join(",", HEADER));
                }
            }
        }
        List<String> cells = new ArrayList<>(HEADER.size());
        for (int i = 0; i < HEADER.size(); i++) {
            // Spreadsheets drop empty trailing cells; Windows line ends inside a cell become plain newlines.
            String cell = i < record.size() ? record.get(i).replace("\r\n", "\n") : "";
            cells.add(cell.startsWith("'") ? cell.substring(1) : cell);
        }
        return cells;
    }

    private static void header(List<String> cells) {
        List<String> found = cells.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        if (found.equals(HEADER)) {
            return;
        }
        String hint = cells.get(0).contains(";")
                ? " (the sheet seems to use semicolons; save it as CSV with commas)" : "";
        throw new InvalidRubric("Line 1: the header must be " + String.join(",", HEADER) + hint);
    }

    /** The rows collected so far; points are matched to criteria at the end, so row order does not matter. */
    private static final class Sheet {
        int rows;
        String title;
        String description;
        long rubricLine;
        final Map<String, Criterion> criteria = new LinkedHashMap<>();
        final Map<String, List<ScorePoint>> points = new LinkedHashMap<>();
        final Map<String, Long> pointLines = new LinkedHashMap<>();
        final List<Cap> caps = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        void add(List<String> cells, long line) {
            String kind = cells.get(0).strip().toLowerCase(Locale.ROOT);
            String key = cells.get(1).strip();
            String name = cells.get(2);
            String text = cells.get(4);
            switch (kind) {
                case "rubric" -> {
                    if (rubricLine > 0) {
                        throw new InvalidRubric("Line " + line + ": a second rubric row (the first is on line "
                                + rubricLine + ")");
                    }
                    rubricLine = line;
                    title = empty(name);
                    description = empty(text);
                }
                case "criterion" -> {
                    if (criteria.containsKey(key)) {
                        throw new InvalidRubric("Line " + line + ": criterion \"" + shown(key) + "\" is defined twice");
                    }
                    criteria.put(key, new Criterion(empty(key), empty(name), empty(text), List.of()));
                }
                case "point" -> {
                    ScorePoint point = new ScorePoint(level(cells, line), empty(name), empty(text));
                    points.computeIfAbsent(key, k -> new ArrayList<>()).add(point);
                    pointLines.putIfAbsent(key, line);
                }
                case "cap" -> caps.add(new Cap(empty(key), empty(text), level(cells, line), appliesTo(cells.get(5))));
                case "note" -> notes.add(text);
                default -> throw new InvalidRubric("Line " + line + ": unknown kind \"" + shown(kind)
                        + "\"; use rubric, criterion, point, cap or note");
            }
        }

        RubricDefinition rubric() {
            if (rubricLine == 0) {
                throw new InvalidRubric("The sheet has no rubric row (kind \"rubric\", with the title under name)");
            }
            for (String key : points.keySet()) {
                if (!criteria.containsKey(key)) {
                    throw new InvalidRubric("Line " + pointLines.get(key) + ": point for criterion \"" + shown(key)
                            + "\", which no criterion row defines");
                }
            }
            List<Criterion> complete = criteria.entrySet().stream().map(e -> {
                Criterion c = e.getValue();
                return new Criterion(c.key(), c.name(), c.description(), points.getOrDefault(e.getKey(), List.of()));
            }).toList();
            return new RubricDefinition(title, description, complete, caps, notes);
        }

        private static int level(List<String> cells, long line) {
            String level = cells.get(3).strip();
            if (level.isEmpty()) {
                throw new InvalidRubric("Line " + line + ": " + cells.get(0).strip() + " needs a level");
            }
            try {
                return Integer.parseInt(level);
            } catch (NumberFormatException e) {
                throw new InvalidRubric("Line " + line + ": level \"" + shown(level) + "\" is not a whole number");
            }
        }

        private static List<String> appliesTo(String cell) {
            return Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toList());
        }

        private static String empty(String cell) {
            return cell.isEmpty() ? null : cell;
        }

        private static String shown(String s) {
            return s.length() <= 40 ? s : s.substring(0, 37) + "…";
        }
    }
}
