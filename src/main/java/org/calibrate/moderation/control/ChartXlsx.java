package org.calibrate.moderation.control;

import org.calibrate.reports.control.ReportCsv;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The scoring chart as a workbook: the chart sheet with the same columns and rows as {@link ChartCsv}, and a
 * sheet with one row per piece and its scorers' levels side by side. Levels and totals are numbers; every text
 * is a plain string cell, never a formula.
 */
public final class ChartXlsx {
    static final String CHART_SHEET = "Scoring chart";
    static final String PIECES_SHEET = "Pieces";
    /** Stands for a scorer with no level on a criterion (a blank response, a condition code). */
    static final String NO_LEVEL = "–";

    private ChartXlsx() {
    }

    public static byte[] write(ScoringChart.Chart chart, String roundTitle) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "Calibrate", null);
            wb.properties().setTitle(roundTitle).setSubject("Scoring chart");
            chartSheet(wb.newWorksheet(CHART_SHEET), chart);
            piecesSheet(wb.newWorksheet(PIECES_SHEET), chart);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void chartSheet(Worksheet ws, ScoringChart.Chart chart) {
        List<String> header = new ArrayList<>(List.of("piece", "status", "spread", "scorer", "condition_code"));
        header.addAll(chart.criteria().values());
        header.add("total");
        header(ws, header);
        ws.width(3, 24);
        int r = 1;
        for (ScoringChart.Row row : chart.rows()) {
            for (ScoringChart.Cell cell : row.cells()) {
                int c = 0;
                text(ws, r, c++, row.code());
                text(ws, r, c++, status(row));
                number(ws, r, c++, spread(row));
                text(ws, r, c++, chart.scorers().getOrDefault(cell.scorer(), "A scorer"));
                text(ws, r, c++, cell.conditionCode() == null ? "" : cell.conditionCode());
                for (String key : chart.criteria().keySet()) {
                    number(ws, r, c++, cell.levels().get(key));
                }
                number(ws, r, c, cell.total());
                r++;
            }
        }
    }

    /** The view a department head sorts and filters: one line per piece, each criterion's levels in scorer order. */
    private static void piecesSheet(Worksheet ws, ScoringChart.Chart chart) {
        List<String> header = new ArrayList<>(List.of("piece", "status", "spread", "scores"));
        header.addAll(chart.criteria().values());
        header.addAll(List.of("totals", "condition_codes"));
        header(ws, header);
        int r = 1;
        for (ScoringChart.Row row : chart.rows()) {
            int c = 0;
            text(ws, r, c++, row.code());
            text(ws, r, c++, status(row));
            number(ws, r, c++, spread(row));
            number(ws, r, c++, row.cells().size());
            for (String key : chart.criteria().keySet()) {
                text(ws, r, c++, side(row, cell -> cell.levels().get(key)));
            }
            text(ws, r, c++, side(row, ScoringChart.Cell::total));
            text(ws, r, c, row.cells().stream().map(ScoringChart.Cell::conditionCode).filter(Objects::nonNull).distinct()
                    .collect(Collectors.joining(", ")));
            r++;
        }
    }

    private static void header(Worksheet ws, List<String> names) {
        for (int c = 0; c < names.size(); c++) {
            text(ws, 0, c, names.get(c));
        }
        ws.range(0, 0, 0, names.size() - 1).style().bold().set();
        ws.freezePane(0, 1);
        ws.setAutoFilter(0, 0, names.size() - 1);
    }

    private static String side(ScoringChart.Row row, java.util.function.Function<ScoringChart.Cell, Integer> level) {
        return row.cells().stream().map(level).map(l -> l == null ? NO_LEVEL : l.toString()).collect(Collectors.joining(" / "));
    }

    private static String status(ScoringChart.Row row) {
        return row.status().name().toLowerCase(Locale.ROOT);
    }

    /** Null where a blank meets a scored response: there is no difference in levels to give. */
    private static Integer spread(ScoringChart.Row row) {
        return row.spread() == Integer.MAX_VALUE ? null : row.spread();
    }

    /**
     * A string cell is never evaluated as it stands, but a spreadsheet re-reads it as a formula once someone edits
     * it, so the text is defused as in the CSV export too.
     */
    private static void text(Worksheet ws, int r, int c, String text) {
        if (!text.isEmpty()) {
            ws.value(r, c, ReportCsv.safe(text));
        }
    }

    private static void number(Worksheet ws, int r, int c, Integer n) {
        if (n != null) {
            ws.value(r, c, n);
        }
    }
}
