package org.calibrate.moderation.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.calibrate.reports.control.ReportCsv;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The scoring chart for spreadsheets: one row per piece and scorer, levels per criterion, total, status; formula-safe. */
public final class ChartCsv {

    private ChartCsv() {
    }

    public static String write(ScoringChart.Chart chart) {
        List<String> header = new ArrayList<>(List.of("piece", "status", "spread", "scorer", "condition_code"));
        header.addAll(chart.criteria().values());
        header.add("total");
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(header.stream().map(ReportCsv::safe).toArray(String[]::new)).get())) {
            for (ScoringChart.Row row : chart.rows()) {
                for (ScoringChart.Cell cell : row.cells()) {
                    List<Object> record = new ArrayList<>();
                    record.add(row.code());
                    record.add(row.status().name().toLowerCase(java.util.Locale.ROOT));
                    record.add(row.spread() == Integer.MAX_VALUE ? "" : Integer.toString(row.spread()));
                    record.add(ReportCsv.safe(chart.scorers().getOrDefault(cell.scorer(), "A scorer")));
                    record.add(cell.conditionCode() == null ? "" : cell.conditionCode());
                    chart.criteria().keySet().forEach(k -> record.add(cell.levels().get(k)));
                    record.add(cell.total());
                    csv.printRecord(record);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
