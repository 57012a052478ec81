package org.calibrate.reports.control;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.calibrate.stats.Distributions;
import org.calibrate.stats.ManyFacetRasch;
import org.calibrate.stats.Ratings;
import org.calibrate.stats.RoundStatistics;
import org.calibrate.stats.ScorerDifferences;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCsvTest {

    private static RoundReports.Report report() {
        Ratings.Builder b = Ratings.builder();
        for (int p = 0; p < 8; p++) {
            b.add("P" + p, "m1", "claim", 1 + p % 3).add("P" + p, "m2", "claim", 1 + (p + 1) % 3);
        }
        Ratings r = b.build();
        List<ScorerDifferences.Difference> d = ScorerDifferences.of(r);
        return new RoundReports.Report(RoundStatistics.compute(r, ManyFacetRasch.Options.of(ManyFacetRasch.Model.RSM)), d, List.of(),
                Distributions.levels(r), Distributions.confusions(r), List.of(), Map.of("m1", "=HYPERLINK(\"http://x\")", "m2", "Rachel Goldberg"),
                Map.of("claim", "Claim"));
    }

    @Test
    void everyFigureIsARowWithItsScope() throws Exception {
        List<CSVRecord> rows = CSVParser.parse(new StringReader(ReportCsv.write(report())),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
        assertTrue(rows.stream().anyMatch(r -> r.get("section").equals("round") && r.get("statistic").equals("quadratic_kappa")));
        assertTrue(rows.stream().anyMatch(r -> r.get("section").equals("criterion") && r.get("criterion").equals("Claim")
                && r.get("statistic").equals("exact") && !r.get("value").isEmpty()));
        assertTrue(rows.stream().anyMatch(r -> r.get("section").equals("pair") && r.get("second_scorer").equals("Rachel Goldberg")));
        assertTrue(rows.stream().anyMatch(r -> r.get("statistic").equals("mean_difference_from_others")));
        assertEquals(List.of(ReportCsv.HEADER), List.of(rows.get(0).getParser().getHeaderNames().toArray(new String[0])));
    }

    @Test
    void formulasInNamesAreDefused() {
        String csv = ReportCsv.write(report());
        assertTrue(csv.contains("'=HYPERLINK"), "a name starting with = is kept as text");
        assertTrue(!csv.contains(",=HYPERLINK") && !csv.contains("\"=HYPERLINK"), csv);
        assertEquals("'+1", ReportCsv.safe("+1"));
        assertEquals("'@SUM(A1)", ReportCsv.safe("@SUM(A1)"));
        assertEquals("Ana", ReportCsv.safe("Ana"));
    }
}
