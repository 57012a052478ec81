package org.calibrate.reports.control;

import org.calibrate.stats.Estimate;
import org.calibrate.stats.RaschResult;
import org.calibrate.stats.RoundStatistics;
import org.calibrate.stats.ScorerSignals;
import org.owasp.encoder.Encode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A round's report as one self-contained HTML file to keep or print (to PDF from the browser): readings,
 * agreement by criterion, scorers with severity and the bias signals that fired, pairs. No script, no remote
 * resource; every name and text encoded for HTML (OWASP Encoder).
 */
public final class ReportHtml {

    private ReportHtml() {
    }

    public static String write(String roundTitle, RoundReports.Report report, Instant now) {
        RoundStatistics.Report s = report.statistics();
        Function<String, String> scorer = id -> report.scorers().getOrDefault(id, "A scorer");
        Function<String, String> criterion = key -> report.criteria().getOrDefault(key, key);
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(e("Reliability report — " + roundTitle)).append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;color:#1b2330;max-width:60rem;margin:2rem auto;padding:0 1rem}")
                .append("table{border-collapse:collapse;margin:0 0 1.5rem}th,td{border:1px solid #d5dbe3;padding:.3rem .6rem;text-align:left}")
                .append("td.n{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:bold;padding:.25rem 0}")
                .append("</style></head><body>");
        html.append("<h1>").append(e(roundTitle)).append("</h1><p>Reliability report, ").append(e(now.toString()))
                .append(". ").append(s.summary().pieces()).append(" pieces, ").append(s.summary().scorers()).append(" scorers, ")
                .append(s.summary().ratings()).append(" scores.</p><h2>What stands out</h2><ul>");
        report.readings().forEach(r -> html.append("<li>").append(e(r)).append("</li>"));
        if (report.readings().isEmpty()) {
            html.append("<li>No scorer differs from the others by more than about a third of a point on any criterion.</li>");
        }
        html.append("</ul>");
        table(html, "Agreement by criterion", List.of("Criterion", "Pieces", "Exact", "Within one", "Quadratic kappa", "Alpha (ordinal)", "ICC (absolute)"),
                s.criteria().stream().map(c -> List.of(criterion.apply(c.criterion()), Integer.toString(c.figures().pieces()),
                        share(c.figures().exact()), share(c.figures().adjacent()), figure(c.figures().quadraticKappa()),
                        figure(c.figures().alphaOrdinal()), figure(c.figures().iccAbsolute()))).toList());
        Map<String, RaschResult.Element> severity = s.rasch() == null || s.rasch().scorers() == null ? Map.of()
                : s.rasch().scorers().elements().stream().collect(Collectors.toMap(RaschResult.Element::id, x -> x));
        Map<String, ScorerSignals.Scorer> signals = s.signals() == null ? Map.of()
                : s.signals().scorers().stream().collect(Collectors.toMap(ScorerSignals.Scorer::scorer, x -> x));
        table(html, "Scorers", List.of("Scorer", "Pieces", "Exact", "Within one", "Severity (logits ± SE)", "Infit / outfit", "Signals"),
                s.scorers().stream().map(f -> {
                    RaschResult.Element m = severity.get(f.scorer());
                    return List.of(scorer.apply(f.scorer()), Integer.toString(f.pieces()), share(f.exact()), share(f.adjacent()),
                            m == null ? "—" : String.format(Locale.ROOT, "%.2f ± %.2f", m.measure(), m.se()),
                            m == null || m.infit() == null ? "—" : String.format(Locale.ROOT, "%.2f / %.2f", m.infit(), m.outfit()),
                            fired(signals.get(f.scorer())));
                }).toList());
        table(html, "Pairs of scorers", List.of("Pair", "Pieces shared", "Exact", "Within one", "Quadratic kappa"),
                s.scorerPairs().stream().map(p -> List.of(scorer.apply(p.firstScorer()) + " and " + scorer.apply(p.secondScorer()),
                        Integer.toString(p.pieces()), share(p.exact()), share(p.adjacent()), figure(p.quadraticKappa()))).toList());
        if (!report.drift().isEmpty()) {
            table(html, "Standards across rounds: exemplars kept from earlier rounds, scored again in practice",
                    List.of("Criterion", "Exemplars", "Scores", "Difference from the agreed score (95% interval)"),
                    report.drift().stream().map(d -> List.of(criterion.apply(d.criterion()), Integer.toString(d.anchors()),
                            Integer.toString(d.scores()), figure(d.meanDifference()))).toList());
        }
        html.append("<p>Definitions: Calibrate's statistics guide (docs/statistics.md).</p></body></html>");
        return html.toString();
    }

    private static void table(StringBuilder html, String caption, List<String> header, List<List<String>> rows) {
        html.append("<table><caption>").append(e(caption)).append("</caption><thead><tr>");
        header.forEach(h -> html.append("<th scope=\"col\">").append(e(h)).append("</th>"));
        html.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            html.append("<tr><th scope=\"row\">").append(e(row.get(0))).append("</th>");
            row.subList(1, row.size()).forEach(cell -> html.append("<td class=\"n\">").append(e(cell)).append("</td>"));
            html.append("</tr>");
        }
        html.append("</tbody></table>");
    }

    private static String fired(ScorerSignals.Scorer s) {
        if (s == null) {
            return "—";
        }
        List<String> fired = new ArrayList<>();
        if (s.halo() != null && s.halo().flagged()) fired.add("halo");
        if (s.centralTendency() != null && s.centralTendency().flagged()) fired.add("narrow range");
        if (s.drift() != null && s.drift().flagged()) fired.add("drift");
        if (s.accuracy() != null && s.accuracy().flagged()) fired.add("off the anchors");
        return fired.isEmpty() ? "none" : String.join(", ", fired);
    }

    private static String share(Estimate e) {
        return e == null || e.value() == null ? "—" : Math.round(e.value() * 100) + "%";
    }

    private static String figure(Estimate e) {
        if (e == null || e.value() == null) {
            return "n/a" + (e == null || e.reason() == null ? "" : " (" + e.reason() + ")");
        }
        return String.format(Locale.ROOT, "%.2f", e.value())
                + (e.lower() == null ? "" : String.format(Locale.ROOT, " (%.2f–%.2f)", e.lower(), e.upper()));
    }

    private static String e(String text) {
        return Encode.forHtml(text);
    }
}
