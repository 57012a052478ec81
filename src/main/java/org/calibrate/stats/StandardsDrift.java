package org.calibrate.stats;

import org.hipparchus.distribution.continuous.TDistribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Standards across rounds: how this round's scorers score pieces whose score an earlier round agreed (kept
 * exemplars, re-scored as practice), per criterion — the Chicago study's lesson that benchmark papers kept from
 * year to year are what makes years comparable (seed 003, "Equating scores across years"). The difference is
 * given minus agreed; each anchor's scores are averaged first, and the interval is a t interval over anchors,
 * because scores of one anchor are not independent of each other.
 */
public final class StandardsDrift {
    /** Below this mean difference (in score points) the reading calls standards in line. */
    static final double NOTABLE = 0.25;

    /** One re-score: the anchor (exemplar), the criterion, the level agreed earlier and the level given now. */
    public record Rescore(String anchor, String criterion, int agreed, int given) {
    }

    /** meanDifference: given − agreed, in score points; pieces in the estimate are the anchors. */
    public record Criterion(String criterion, Estimate meanDifference, int scores, int anchors) {
    }

    private StandardsDrift() {
    }

    public static List<Criterion> of(List<Rescore> rescores) {
        Map<String, Map<String, double[]>> byCriterion = new TreeMap<>();
        for (Rescore r : rescores) {
            double[] sum = byCriterion.computeIfAbsent(r.criterion(), k -> new TreeMap<>()).computeIfAbsent(r.anchor(), k -> new double[2]);
            sum[0] += r.given() - r.agreed();
            sum[1]++;
        }
        List<Criterion> out = new ArrayList<>();
        byCriterion.forEach((criterion, anchors) -> {
            int scores = (int) anchors.values().stream().mapToDouble(s -> s[1]).sum();
            double[] means = anchors.values().stream().mapToDouble(s -> s[0] / s[1]).toArray();
            out.add(new Criterion(criterion, estimate(means), scores, means.length));
        });
        return out;
    }

    private static Estimate estimate(double[] means) {
        int n = means.length;
        double mean = 0;
        for (double m : means) {
            mean += m;
        }
        mean /= n;
        if (n < 2) {
            return Estimate.of(mean, n);
        }
        double ss = 0;
        for (double m : means) {
            ss += (m - mean) * (m - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        if (se == 0) {
            return Estimate.of(mean, mean, mean, n);
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return Estimate.of(mean, mean - t * se, mean + t * se, n);
    }

    /** Plain sentences for the report; only where the difference is notable. */
    public static List<String> readings(List<Criterion> drift, Function<String, String> criterionName) {
        List<String> out = new ArrayList<>();
        for (Criterion c : drift) {
            Estimate e = c.meanDifference();
            if (!e.defined() || Math.abs(e.value()) < NOTABLE) {
                continue;
            }
            boolean clear = e.lower() != null && (e.lower() > 0 || e.upper() < 0);
            out.add(String.format(Locale.ROOT, "On the exemplars kept from earlier rounds, this round's scorers gave about %.1f point%s %s than "
                            + "the agreed scores on %s (%d score%s on %d exemplar%s): standards may have become %s%s.",
                    Math.abs(e.value()), Math.abs(e.value()) >= 1.05 ? "s" : "", e.value() > 0 ? "more" : "less", criterionName.apply(c.criterion()),
                    c.scores(), c.scores() == 1 ? "" : "s", c.anchors(), c.anchors() == 1 ? "" : "s", e.value() > 0 ? "more lenient" : "harsher",
                    clear ? "" : " (too few exemplars to be sure)"));
        }
        return out;
    }
}
