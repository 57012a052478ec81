package org.calibrate.reports.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.calibrate.stats.Estimate;
import org.calibrate.stats.RaschResult;
import org.calibrate.stats.RoundStatistics;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Every statistic of a round's report as one long CSV for spreadsheets: one row per figure with its scope,
 * interval, pieces behind it and, for undefined figures, the reason; then the Rasch tables. Names are the
 * names moderators see. Cells that a spreadsheet would read as a formula are defused (OWASP CSV injection).
 */
public final class ReportCsv {
    static final String[] HEADER = {"section", "scorer", "second_scorer", "criterion", "statistic", "value", "lower", "upper", "pieces", "reason"};

    private ReportCsv() {
    }

    public static String write(RoundReports.Report report) {
        StringWriter out = new StringWriter();
        Map<String, String> names = report.scorers();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            RoundStatistics.Report s = report.statistics();
            figures(csv, "round", "", "", "", s.round());
            for (RoundStatistics.CriterionFigures c : s.criteria()) {
                figures(csv, "criterion", "", "", criterion(report, c.criterion()), c.figures());
            }
            for (RoundStatistics.PairFigures p : s.scorerPairs()) {
                String a = names.getOrDefault(p.firstScorer(), p.firstScorer());
                String b = names.getOrDefault(p.secondScorer(), p.secondScorer());
                row(csv, "pair", a, b, "", "exact", p.exact());
                row(csv, "pair", a, b, "", "adjacent", p.adjacent());
                row(csv, "pair", a, b, "", "kappa", p.kappa());
                row(csv, "pair", a, b, "", "linear_kappa", p.linearKappa());
                row(csv, "pair", a, b, "", "quadratic_kappa", p.quadraticKappa());
            }
            for (RoundStatistics.ScorerFigures f : s.scorers()) {
                String a = names.getOrDefault(f.scorer(), f.scorer());
                row(csv, "scorer", a, "", "", "exact", f.exact());
                row(csv, "scorer", a, "", "", "adjacent", f.adjacent());
            }
            report.differences().forEach(d -> plain(csv, "scorer", names.getOrDefault(d.scorer(), d.scorer()), criterion(report, d.criterion()),
                    "mean_difference_from_others", d.meanDifference(), d.pieces()));
            RaschResult rasch = s.rasch();
            if (rasch != null && rasch.estimated()) {
                facet(csv, "rasch_scorer", rasch.scorers(), id -> names.getOrDefault(id, id), "");
                facet(csv, "rasch_criterion", rasch.criteria(), id -> "", null);
                facet(csv, "rasch_piece", rasch.pieces(), id -> "", "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String criterion(RoundReports.Report report, String key) {
        return report.criteria().getOrDefault(key, key);
    }

    private static void figures(CSVPrinter csv, String section, String a, String b, String criterion, RoundStatistics.Figures f) {
        row(csv, section, a, b, criterion, "exact", f.exact());
        row(csv, section, a, b, criterion, "adjacent", f.adjacent());
        row(csv, section, a, b, criterion, "kappa", f.kappa());
        row(csv, section, a, b, criterion, "linear_kappa", f.linearKappa());
        row(csv, section, a, b, criterion, "quadratic_kappa", f.quadraticKappa());
        row(csv, section, a, b, criterion, "alpha_ordinal", f.alphaOrdinal());
        row(csv, section, a, b, criterion, "alpha_interval", f.alphaInterval());
        row(csv, section, a, b, criterion, "icc_consistency", f.iccConsistency());
        row(csv, section, a, b, criterion, "icc_absolute", f.iccAbsolute());
    }

    /** Pieces go by code, criteria by key, scorers by name; {@code criterionColumn} null puts the element in the criterion column. */
    private static void facet(CSVPrinter csv, String section, RaschResult.Facet facet, java.util.function.Function<String, String> scorer,
                              String criterionColumn) {
        if (facet == null) {
            return;
        }
        for (RaschResult.Element e : facet.elements()) {
            String who = scorer.apply(e.id());
            String label = section.equals("rasch_piece") ? e.id() : who;
            String criterion = criterionColumn == null ? e.id() : criterionColumn;
            plain(csv, section, label, criterion, "measure", e.measure(), e.ratings());
            plain(csv, section, label, criterion, "se", e.se(), e.ratings());
            if (e.infit() != null) {
                plain(csv, section, label, criterion, "infit", e.infit(), e.ratings());
                plain(csv, section, label, criterion, "outfit", e.outfit(), e.ratings());
            }
        }
    }

    private static void row(CSVPrinter csv, String section, String a, String b, String criterion, String statistic, Estimate e) {
        print(csv, section, a, b, criterion, statistic, e.value(), e.lower(), e.upper(), e.pieces(), e.reason());
    }

    private static void plain(CSVPrinter csv, String section, String a, String criterion, String statistic, double value, int count) {
        print(csv, section, a, "", criterion, statistic, value, null, null, count, null);
    }

    private static void print(CSVPrinter csv, String section, String a, String b, String criterion, String statistic, Double value,
                              Double lower, Double upper, int pieces, String reason) {
        try {
            csv.printRecord(section, safe(a), safe(b), safe(criterion), statistic, value, lower, upper, pieces, reason == null ? "" : safe(reason));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A leading =, +, -, @, tab or carriage return makes a spreadsheet evaluate the cell: a quote keeps it text. */
    public static String safe(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
