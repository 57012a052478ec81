package org.calibrate.reports.control;

import org.calibrate.stats.Distributions;
import org.calibrate.stats.ManyFacetRasch;
import org.calibrate.stats.Ratings;
import org.calibrate.stats.RoundStatistics;
import org.calibrate.stats.ScorerDifferences;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportHtmlTest {

    @Test
    void namesAreEncodedAndNothingRuns() {
        Ratings.Builder b = Ratings.builder();
        for (int p = 0; p < 8; p++) {
            b.add("P" + p, "m1", "claim", 1 + p % 3).add("P" + p, "m2", "claim", 1 + (p + 1) % 3);
        }
        Ratings r = b.build();
        RoundReports.Report report = new RoundReports.Report(RoundStatistics.compute(r, ManyFacetRasch.Options.of(ManyFacetRasch.Model.RSM)),
                ScorerDifferences.of(r), List.of("<b>Reading</b> & more"), Distributions.levels(r), Distributions.confusions(r), List.of(),
                Map.of("m1", "<script>alert(1)</script>", "m2", "Rachel Goldberg"), Map.of("claim", "Claim"));
        String html = ReportHtml.write("Round <i>1</i>", report, Instant.parse("2026-12-05T10:00:00Z"));
        assertFalse(html.contains("<script>"), "a scorer name cannot inject markup");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("&lt;b&gt;Reading&lt;/b&gt; &amp; more"));
        assertTrue(html.contains("<caption>Agreement by criterion</caption>") && html.contains("<th scope=\"row\">Claim</th>"));
        assertTrue(html.contains("Rachel Goldberg and") || html.contains("and Rachel Goldberg"), "pairs by name");
        assertFalse(html.contains("<link") || html.contains("src="), "self-contained: nothing fetched");
    }
}
