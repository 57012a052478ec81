package org.calibrate.stats;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The many-facet Rasch model (Linacre, Many-Facet Rasch Measurement, 1989):
 * log(P_k / P_k-1) = B_piece - D_criterion - C_scorer - F_k, with one set of thresholds F_k shared by all
 * criteria (rating scale model, Andrich 1978) or one per criterion (partial credit model, Masters 1982).
 *
 * <p>Estimation is joint maximum likelihood by block-coordinate Newton steps: a step for every piece, then
 * one for every scorer, criterion and threshold, each element's step using only its own first and second
 * derivative. That is a pass over flat arrays per block, no matrix algebra, and memory linear in the number
 * of scores. Steps are capped at one logit, as in FACETS and Winsteps, so badly fitting data cannot throw an
 * estimate far away. Identification: scorer severities and criterion difficulties are centred on zero,
 * thresholds of each set sum to zero, pieces float. With L scores per piece (8 in double scoring on four
 * criteria), JMLE spreads severities, difficulties and thresholds by about L/(L-1) (Wright and Douglas 1977);
 * the (L-1)/L correction is an option, off by default as in FACETS, so that figures compare with FACETS'.
 *
 * <p>Extreme elements (a piece with every score at the lowest or highest level, likewise a scorer or
 * criterion) have no finite estimate; as in FACETS they are left out of estimation, repeatedly until none
 * is left, and then given a measure for a score 0.3 points inside the extreme, flagged as extreme. A design
 * that falls apart into unlinked subsets (see {@link Connectedness}) is reported, not estimated.
 */
public final class ManyFacetRasch {

    public enum Model { RSM, PCM }

    public record Options(Model model, boolean biasCorrection, int maxIterations, double convergence) {
        public static Options of(Model model) {
            return new Options(model, false, 500, 1e-5);
        }
    }

    static final int BIAS_MIN_RATINGS = 10;
    static final double EXTREME_ADJUSTMENT = 0.3;
    private static final int PIECE = 0;
    private static final int SCORER = 1;
    private static final int CRITERION = 2;
    /** A piece's ability raises expected scores; a scorer's severity and a criterion's difficulty lower them. */
    private static final int[] SIGN = {1, -1, -1};
    private static final double MAX_STEP = 1.0;
    static final int JOINT_AFTER = 30;
    private static final double MAX_THRESHOLD = 15;

    private final Ratings r;
    private final Options options;
    private final int n;
    private final int[][] element;
    private final int[] x;
    private final int[] group;
    private final int[] steps;
    private final int[] base;
    private final double[][] measure;
    private final double[][] tau;
    private final boolean[][] estimable;
    private final boolean[][] extreme;
    private final boolean[] active;
    private final double[] p;
    private final boolean jointScorerStep;
    /** (piece, scorer) cells: piece p's cells are cellStart[p] until cellStart[p + 1]; built once extremes are out. */
    private int[] cellStart;
    private int[] cellScorer;
    private int[] cellOf;

    private ManyFacetRasch(Ratings r, Options options, boolean jointScorerStep) {
        this.r = r;
        this.options = options;
        this.jointScorerStep = jointScorerStep;
        this.n = r.size();
        int[] pieces = new int[n];
        int[] scorers = new int[n];
        int[] criteria = new int[n];
        for (int i = 0; i < n; i++) {
            pieces[i] = r.piece(i);
            scorers[i] = r.scorer(i);
            criteria[i] = r.criterion(i);
        }
        element = new int[][] {pieces, scorers, criteria};
        int groups = options.model() == Model.RSM ? 1 : r.criteria();
        steps = new int[groups];
        base = new int[groups];
        for (int g = 0; g < groups; g++) {
            base[g] = options.model() == Model.RSM ? r.minScore() : r.minScore(g);
            steps[g] = (options.model() == Model.RSM ? r.maxScore() : r.maxScore(g)) - base[g];
        }
        group = new int[n];
        x = new int[n];
        for (int i = 0; i < n; i++) {
            group[i] = options.model() == Model.RSM ? 0 : criteria[i];
            x[i] = r.score(i) - base[group[i]];
        }
        measure = new double[][] {new double[r.pieces()], new double[r.scorers()], new double[r.criteria()]};
        extreme = new boolean[][] {new boolean[r.pieces()], new boolean[r.scorers()], new boolean[r.criteria()]};
        tau = new double[groups][];
        estimable = new boolean[groups][];
        int maxSteps = 0;
        for (int g = 0; g < groups; g++) {
            tau[g] = new double[steps[g] + 1];
            estimable[g] = new boolean[steps[g] + 1];
            maxSteps = Math.max(maxSteps, steps[g]);
        }
        p = new double[maxSteps + 1];
        active = new boolean[n];
        Arrays.fill(active, true);
    }

    public static RaschResult fit(Ratings r, Options options) {
        return new ManyFacetRasch(r, options, true).fit();
    }

    /** Without the joint scorer step: the plain block-coordinate iteration, kept to test the two agree. */
    static RaschResult fitBlockwise(Ratings r, Options options) {
        return new ManyFacetRasch(r, options, false).fit();
    }

    private RaschResult fit() {
        String model = options.model().name().toLowerCase();
        if (n == 0) return RaschResult.notEstimated(model, "there are no scores", List.of());
        excludeExtremes();
        List<Connectedness.Subset> subsets = Connectedness.subsets(r, active);
        if (subsets.isEmpty()) {
            return RaschResult.notEstimated(model, "every piece, scorer or criterion has only extreme scores"
                    + " (all lowest or all highest level), so no measure is finite", subsets);
        }
        if (subsets.size() > 1) {
            return RaschResult.notEstimated(model, "the design is disconnected: " + subsets.size()
                    + " subsets of pieces and scorers share no piece, so their severities cannot be compared;"
                    + " have some pieces scored across the subsets", subsets);
        }
        markEstimableThresholds();
        if (jointScorerStep) buildCells();
        int iteration = 0;
        double change = Double.POSITIVE_INFINITY;
        double[] before = snapshot();
        double[] previousStep = null;
        while (iteration < options.maxIterations() && change > options.convergence()) {
            iteration++;
            change = Math.max(stepPieces(), stepOthers());
            // Only once the block steps have shown they crawl, and while the thresholds are finite: where
            // block steps converge quickly the result stays exactly what it was, and data with no finite
            // estimate are not hurried along their flat ridge to a point that depends on the path.
            if (jointScorerStep && iteration > JOINT_AFTER && thresholdsFinite()) change = Math.max(change, stepPiecesAndScorers());
            double[] after = snapshot();
            double[] step = new double[after.length];
            for (int i = 0; i < step.length; i++) step[i] = after[i] - before[i];
            if (previousStep != null && iteration % 5 == 0 && accelerate(after, step, previousStep)) after = snapshot();
            before = after;
            previousStep = step;
        }
        if (options.biasCorrection()) correctBias();
        double[][][] fit = fitStatistics();
        for (int f = 0; f < 3; f++) extrapolateExtremes(f, fit[f]);
        double[] fair = fairAverages();
        return new RaschResult(model, true, null, subsets, iteration, change, change <= options.convergence(),
                options.biasCorrection(), facet(PIECE, fit[PIECE], fair), facet(SCORER, fit[SCORER], null),
                facet(CRITERION, fit[CRITERION], null), bias(), fairLevels());
    }

    /** All parameters in one vector: piece, scorer and criterion measures, then thresholds. */
    private double[] snapshot() {
        int size = measure[PIECE].length + measure[SCORER].length + measure[CRITERION].length;
        for (double[] t : tau) size += t.length;
        double[] all = new double[size];
        int at = 0;
        for (double[] m : measure) {
            System.arraycopy(m, 0, all, at, m.length);
            at += m.length;
        }
        for (double[] t : tau) {
            System.arraycopy(t, 0, all, at, t.length);
            at += t.length;
        }
        return all;
    }

    private void restore(double[] all) {
        int at = 0;
        for (double[] m : measure) {
            System.arraycopy(all, at, m, 0, m.length);
            at += m.length;
        }
        for (double[] t : tau) {
            System.arraycopy(all, at, t, 0, t.length);
            at += t.length;
        }
    }

    /**
     * Block-coordinate steps converge linearly, and slowly along the direction where piece spread and
     * threshold spread trade off (a rate near 0.98 per iteration on double-scored data). When two
     * successive steps point the same way and shrink by a steady ratio r, the remaining distance is about
     * step * r / (1 - r) (Aitken's delta-squared); jumping there cuts hundreds of iterations to tens. The
     * Newton steps that follow correct any overshoot, so the fixed point, and the result, are unchanged.
     */
    private boolean accelerate(double[] current, double[] step, double[] previousStep) {
        double dot = 0;
        double now = 0;
        double then = 0;
        for (int i = 0; i < step.length; i++) {
            dot += step[i] * previousStep[i];
            now += step[i] * step[i];
            then += previousStep[i] * previousStep[i];
        }
        if (now == 0 || then == 0 || dot / Math.sqrt(now * then) < 0.99) return false;
        double ratio = Math.sqrt(now / then);
        if (ratio >= 1 || ratio < 0.5) return false;
        double factor = Math.min(100, ratio / (1 - ratio));
        double[] jumped = current.clone();
        for (int i = 0; i < jumped.length; i++) jumped[i] += factor * step[i];
        restore(jumped);
        for (int f = 0; f < 3; f++) {
            for (int e = 0; e < measure[f].length; e++) if (extreme[f][e]) measure[f][e] = 0;
        }
        centre(SCORER);
        centre(CRITERION);
        return true;
    }

    /** Leaves out elements whose remaining scores are all lowest or all highest, until none is. */
    private void excludeExtremes() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int f = 0; f < 3; f++) {
                int size = measure[f].length;
                long[] sum = new long[size];
                long[] max = new long[size];
                int[] count = new int[size];
                for (int i = 0; i < n; i++) {
                    if (!active[i]) continue;
                    int e = element[f][i];
                    sum[e] += x[i];
                    max[e] += steps[group[i]];
                    count[e]++;
                }
                boolean[] newly = new boolean[size];
                for (int e = 0; e < size; e++) {
                    if (count[e] > 0 && (sum[e] == 0 || sum[e] == max[e])) {
                        extreme[f][e] = true;
                        newly[e] = true;
                        changed = true;
                    }
                }
                for (int i = 0; i < n; i++) if (active[i] && newly[element[f][i]]) active[i] = false;
            }
        }
    }

    /** A threshold between two levels needs scores on both sides in its set; an empty level leaves it undefined. */
    private void markEstimableThresholds() {
        long[][] counts = new long[steps.length][];
        for (int g = 0; g < steps.length; g++) counts[g] = new long[steps[g] + 1];
        for (int i = 0; i < n; i++) if (active[i]) counts[group[i]][x[i]]++;
        for (int g = 0; g < steps.length; g++) {
            for (int k = 1; k <= steps[g]; k++) estimable[g][k] = counts[g][k - 1] > 0 && counts[g][k] > 0;
        }
    }

    private double theta(int i) {
        return measure[PIECE][element[PIECE][i]] - measure[SCORER][element[SCORER][i]]
                - measure[CRITERION][element[CRITERION][i]];
    }

    /** Fills p with the level probabilities of a score at theta; returns {expected, variance}. */
    private double expected(double theta, int g, double[] moments) {
        int m = steps[g];
        double[] t = tau[g];
        double logit = 0;
        double top = 0;
        p[0] = 0;
        for (int k = 1; k <= m; k++) {
            logit += theta - t[k];
            p[k] = logit;
            top = Math.max(top, logit);
        }
        double sum = 0;
        for (int k = 0; k <= m; k++) {
            p[k] = Math.exp(p[k] - top);
            sum += p[k];
        }
        double e = 0;
        double e2 = 0;
        for (int k = 0; k <= m; k++) {
            p[k] /= sum;
            e += k * p[k];
            e2 += (double) k * k * p[k];
        }
        moments[0] = e;
        moments[1] = e2 - e * e;
        return e;
    }

    private double stepPieces() {
        double[] residual = new double[measure[PIECE].length];
        double[] information = new double[measure[PIECE].length];
        double[] moments = new double[2];
        for (int i = 0; i < n; i++) {
            if (!active[i]) continue;
            expected(theta(i), group[i], moments);
            int e = element[PIECE][i];
            residual[e] += x[i] - moments[0];
            information[e] += moments[1];
        }
        return newton(PIECE, residual, information);
    }

    /** Scorers, criteria and thresholds in one pass: given the pieces they are nearly independent. */
    private double stepOthers() {
        double[][] residual = {null, new double[measure[SCORER].length], new double[measure[CRITERION].length]};
        double[][] information = {null, new double[measure[SCORER].length], new double[measure[CRITERION].length]};
        double[][] tauGradient = new double[tau.length][];
        double[][] tauInformation = new double[tau.length][];
        for (int g = 0; g < tau.length; g++) {
            tauGradient[g] = new double[tau[g].length];
            tauInformation[g] = new double[tau[g].length];
        }
        double[] moments = new double[2];
        for (int i = 0; i < n; i++) {
            if (!active[i]) continue;
            int g = group[i];
            expected(theta(i), g, moments);
            for (int f = SCORER; f <= CRITERION; f++) {
                residual[f][element[f][i]] += x[i] - moments[0];
                information[f][element[f][i]] += moments[1];
            }
            double atLeast = 1;
            for (int k = 1; k <= steps[g]; k++) {
                atLeast -= p[k - 1];
                tauGradient[g][k] += atLeast - (x[i] >= k ? 1 : 0);
                tauInformation[g][k] += atLeast * (1 - atLeast);
            }
        }
        double change = Math.max(newton(SCORER, residual[SCORER], information[SCORER]),
                newton(CRITERION, residual[CRITERION], information[CRITERION]));
        centre(SCORER);
        centre(CRITERION);
        for (int g = 0; g < tau.length; g++) {
            double[] old = tau[g].clone();
            double sum = 0;
            int free = 0;
            for (int k = 1; k < tau[g].length; k++) {
                if (!estimable[g][k] || tauInformation[g][k] <= 0) continue;
                double step = clamp(tauGradient[g][k] / tauInformation[g][k], MAX_STEP);
                tau[g][k] = clamp(tau[g][k] + step, MAX_THRESHOLD);
            }
            for (int k = 1; k < tau[g].length; k++) {
                if (!estimable[g][k]) continue;
                sum += tau[g][k];
                free++;
            }
            for (int k = 1; k < tau[g].length; k++) {
                if (estimable[g][k]) tau[g][k] -= sum / Math.max(1, free);
            }
            // The change that counts is the one left after clamping and centring: a threshold with no finite
            // estimate pushes at the bound every sweep and is centred back, which is no change at all.
            for (int k = 1; k < tau[g].length; k++) change = Math.max(change, Math.abs(tau[g][k] - old[k]));
        }
        return change;
    }

    /** False once a threshold sits at the bound: then the data have no finite estimate and there is no point to reach faster. */
    private boolean thresholdsFinite() {
        for (double[] t : tau) for (double v : t) if (Math.abs(v) >= MAX_THRESHOLD - MAX_STEP) return false;
        for (double v : measure[SCORER]) if (Math.abs(v) >= MAX_THRESHOLD - MAX_STEP) return false;
        return true;
    }

    /** Groups the ratings of each piece by scorer: one cell per (piece, scorer), memory linear in the ratings. */
    private void buildCells() {
        int pieces = measure[PIECE].length;
        cellStart = new int[pieces + 1];
        cellOf = new int[n];
        int[] scorers = new int[n];
        int[] seenAt = new int[measure[SCORER].length];
        int[] seenCell = new int[measure[SCORER].length];
        Arrays.fill(seenAt, -1);
        int cells = 0;
        int i = 0;
        for (int piece = 0; piece < pieces; piece++) {
            cellStart[piece] = cells;
            // Ratings are sorted piece-major, so a piece's ratings are contiguous.
            while (i < n && element[PIECE][i] == piece) {
                int s = element[SCORER][i];
                if (seenAt[s] != piece) {
                    seenAt[s] = piece;
                    seenCell[s] = cells;
                    scorers[cells++] = s;
                }
                cellOf[i++] = seenCell[s];
            }
        }
        cellStart[pieces] = cells;
        cellScorer = Arrays.copyOf(scorers, cells);
    }

    /**
     * One Newton step on pieces and scorers jointly, thresholds and criteria held. The block steps move
     * pieces and scorers one block at a time, which is Gauss-Seidel on a system whose scorer part is a graph
     * Laplacian (scorers linked through shared pieces); on a long chain or ring of scorers it needs of the
     * order of (chain length)^2 sweeps. Here the piece block, which is diagonal, is eliminated: the scorer
     * equations become S dC = g, with S[s][t] = W_s [s = t] - sum_p W_ps W_pt / W_p (W = the information of
     * the scores of a piece, a scorer, a cell), sparse through the cells. S is solved matrix-free by
     * conjugate gradients (Jacobi preconditioned, a pass over the cells per iteration, at most a few times
     * the number of scorers), then dB follows piece by piece. The step is scaled as a whole so that no
     * element moves more than one logit. The fixed point is the block iteration's, so results are unchanged.
     */
    private double stepPiecesAndScorers() {
        int pieces = measure[PIECE].length;
        int scorers = measure[SCORER].length;
        double[] pieceGradient = new double[pieces];
        double[] pieceInformation = new double[pieces];
        double[] scorerGradient = new double[scorers];
        double[] scorerInformation = new double[scorers];
        double[] cellInformation = new double[cellScorer.length];
        double[] moments = new double[2];
        for (int i = 0; i < n; i++) {
            if (!active[i]) continue;
            expected(theta(i), group[i], moments);
            double residual = x[i] - moments[0];
            pieceGradient[element[PIECE][i]] += residual;
            pieceInformation[element[PIECE][i]] += moments[1];
            scorerGradient[element[SCORER][i]] -= residual;
            scorerInformation[element[SCORER][i]] += moments[1];
            cellInformation[cellOf[i]] += moments[1];
        }
        double[] rhs = scorerGradient.clone();
        for (int piece = 0; piece < pieces; piece++) {
            if (pieceInformation[piece] <= 0) continue;
            double g = pieceGradient[piece] / pieceInformation[piece];
            for (int k = cellStart[piece]; k < cellStart[piece + 1]; k++) rhs[cellScorer[k]] += cellInformation[k] * g;
        }
        double[] scorerStep = conjugateGradient(rhs, scorerInformation, pieceInformation, cellInformation);
        centreStep(scorerStep, scorerInformation);
        double[] pieceStep = new double[pieces];
        double largest = 0;
        for (int s = 0; s < scorers; s++) largest = Math.max(largest, Math.abs(scorerStep[s]));
        for (int piece = 0; piece < pieces; piece++) {
            if (pieceInformation[piece] <= 0 || extreme[PIECE][piece]) continue;
            double sum = pieceGradient[piece];
            for (int k = cellStart[piece]; k < cellStart[piece + 1]; k++) sum += cellInformation[k] * scorerStep[cellScorer[k]];
            pieceStep[piece] = sum / pieceInformation[piece];
            largest = Math.max(largest, Math.abs(pieceStep[piece]));
        }
        if (!Double.isFinite(largest)) return 0;
        double scale = largest > MAX_STEP ? MAX_STEP / largest : 1;
        for (int s = 0; s < scorers; s++) if (!extreme[SCORER][s]) measure[SCORER][s] += scale * scorerStep[s];
        for (int piece = 0; piece < pieces; piece++) measure[PIECE][piece] += scale * pieceStep[piece];
        return largest * scale;
    }

    /** Solves S v = rhs (S singular along "all scorers alike", rhs orthogonal to it) by preconditioned CG. */
    private double[] conjugateGradient(double[] rhs, double[] scorerInformation, double[] pieceInformation,
                                       double[] cellInformation) {
        int scorers = rhs.length;
        double[] v = new double[scorers];
        double[] residual = rhs.clone();
        double[] z = new double[scorers];
        double norm = 0;
        for (int s = 0; s < scorers; s++) {
            if (scorerInformation[s] <= 0) residual[s] = 0;
            z[s] = scorerInformation[s] > 0 ? residual[s] / scorerInformation[s] : 0;
            norm += residual[s] * residual[s];
        }
        if (norm == 0) return v;
        double tolerance = norm * 1e-20;
        double[] direction = z.clone();
        double[] product = new double[scorers];
        double rz = dot(residual, z);
        int limit = 4 * scorers + 20;
        for (int iteration = 0; iteration < limit && rz > 0; iteration++) {
            schurTimes(direction, product, scorerInformation, pieceInformation, cellInformation);
            double curvature = dot(direction, product);
            if (curvature <= 0) break;
            double alpha = rz / curvature;
            double left = 0;
            for (int s = 0; s < scorers; s++) {
                v[s] += alpha * direction[s];
                residual[s] -= alpha * product[s];
                left += residual[s] * residual[s];
            }
            if (left <= tolerance) break;
            for (int s = 0; s < scorers; s++) z[s] = scorerInformation[s] > 0 ? residual[s] / scorerInformation[s] : 0;
            double next = dot(residual, z);
            double beta = next / rz;
            rz = next;
            for (int s = 0; s < scorers; s++) direction[s] = z[s] + beta * direction[s];
        }
        return v;
    }

    /** out = S v, one pass over the cells. */
    private void schurTimes(double[] v, double[] out, double[] scorerInformation, double[] pieceInformation,
                            double[] cellInformation) {
        for (int s = 0; s < v.length; s++) out[s] = scorerInformation[s] * v[s];
        for (int piece = 0; piece < pieceInformation.length; piece++) {
            if (pieceInformation[piece] <= 0) continue;
            double u = 0;
            for (int k = cellStart[piece]; k < cellStart[piece + 1]; k++) u += cellInformation[k] * v[cellScorer[k]];
            u /= pieceInformation[piece];
            for (int k = cellStart[piece]; k < cellStart[piece + 1]; k++) out[cellScorer[k]] -= cellInformation[k] * u;
        }
    }

    /** Severities stay centred: the step's mean over estimated scorers goes to the pieces instead. */
    private void centreStep(double[] step, double[] scorerInformation) {
        double sum = 0;
        int count = 0;
        for (int s = 0; s < step.length; s++) {
            if (extreme[SCORER][s] || scorerInformation[s] <= 0) {
                step[s] = 0;
                continue;
            }
            sum += step[s];
            count++;
        }
        if (count == 0) return;
        double mean = sum / count;
        for (int s = 0; s < step.length; s++) if (!extreme[SCORER][s] && scorerInformation[s] > 0) step[s] -= mean;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    private double newton(int f, double[] residual, double[] information) {
        double change = 0;
        for (int e = 0; e < residual.length; e++) {
            if (extreme[f][e] || information[e] <= 0) continue;
            double step = clamp(SIGN[f] * residual[e] / information[e], MAX_STEP);
            measure[f][e] += step;
            change = Math.max(change, Math.abs(step));
        }
        return change;
    }

    private void centre(int f) {
        double sum = 0;
        int count = 0;
        for (int e = 0; e < measure[f].length; e++) {
            if (!extreme[f][e]) {
                sum += measure[f][e];
                count++;
            }
        }
        if (count == 0) return;
        double mean = sum / count;
        for (int e = 0; e < measure[f].length; e++) if (!extreme[f][e]) measure[f][e] -= mean;
    }

    private static double clamp(double v, double limit) {
        return Math.max(-limit, Math.min(limit, v));
    }

    /**
     * Per facet and element: {information, infit numerator, outfit sum, ratings used}. Infit is the
     * information-weighted mean square, outfit the unweighted mean of squared standardised residuals
     * (Wright and Masters 1982).
     */
    private double[][][] fitStatistics() {
        double[][][] fit = new double[3][][];
        for (int f = 0; f < 3; f++) fit[f] = new double[4][measure[f].length];
        double[] moments = new double[2];
        for (int i = 0; i < n; i++) {
            if (!active[i]) continue;
            expected(theta(i), group[i], moments);
            double residual = x[i] - moments[0];
            double variance = Math.max(moments[1], 1e-12);
            for (int f = 0; f < 3; f++) {
                int e = element[f][i];
                fit[f][0][e] += moments[1];
                fit[f][1][e] += residual * residual;
                fit[f][2][e] += residual * residual / variance;
                fit[f][3][e]++;
            }
        }
        return fit;
    }

    /** Extreme elements: the measure whose expected score is 0.3 inside the extreme, others held fixed. */
    private void extrapolateExtremes(int f, double[][] fit) {
        int[][] index = byElement(f);
        double[] moments = new double[2];
        for (int e = 0; e < measure[f].length; e++) {
            if (!extreme[f][e]) continue;
            double information = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double observed = 0;
                double max = 0;
                double expected = 0;
                information = 0;
                for (int k = index[0][e]; k < index[0][e + 1]; k++) {
                    int i = index[1][k];
                    expected(theta(i), group[i], moments);
                    observed += x[i];
                    max += steps[group[i]];
                    expected += moments[0];
                    information += moments[1];
                }
                double target = observed == 0 ? EXTREME_ADJUSTMENT : max - EXTREME_ADJUSTMENT;
                if (information <= 0) break;
                double step = clamp(SIGN[f] * (target - expected) / information, MAX_STEP);
                measure[f][e] += step;
                if (Math.abs(step) < 1e-7) break;
            }
            fit[0][e] = information;
        }
    }

    /** Ratings grouped by element of a facet (counting sort): {start per element, rating positions}. */
    private int[][] byElement(int f) {
        int size = measure[f].length;
        int[] start = new int[size + 1];
        for (int i = 0; i < n; i++) start[element[f][i] + 1]++;
        for (int e = 0; e < size; e++) start[e + 1] += start[e];
        int[] next = Arrays.copyOf(start, size);
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) positions[next[element[f][i]]++] = i;
        return new int[][] {start, positions};
    }

    /** Fair levels averaged over every criterion of the round. */
    private double[] fairAverages() {
        double[] fair = new double[measure[PIECE].length];
        double[] moments = new double[2];
        for (int e = 0; e < fair.length; e++) {
            double sum = 0;
            for (int c = 0; c < r.criteria(); c++) sum += fairLevel(e, c, moments);
            fair[e] = sum / r.criteria();
        }
        return fair;
    }

    /**
     * Expected score of a piece on a criterion from an average-severity scorer, on the rubric's levels.
     * Severities are centred on 0, so 0 is the mean severity; the threshold set's lowest level is added back.
     */
    private double fairLevel(int piece, int c, double[] moments) {
        int g = options.model() == Model.RSM ? 0 : c;
        return base[g] + expected(measure[PIECE][piece] - measure[CRITERION][c], g, moments);
    }

    /** Piece id to criterion id to fair level, for the criteria each piece was scored on, in id order. */
    private Map<String, Map<String, Double>> fairLevels() {
        int[] start = new int[r.pieces() + 1];
        int[] criterion = new int[r.units()];
        double[] level = new double[r.units()];
        double[] moments = new double[2];
        // Units run piece by piece, criteria in id order within a piece: unit u is the u-th level.
        for (int u = 0; u < r.units(); u++) {
            start[r.unitPiece(u) + 1] = u + 1;
            criterion[u] = r.unitCriterion(u);
            level[u] = fairLevel(r.unitPiece(u), criterion[u], moments);
        }
        List<String> pieceIds = new ArrayList<>(r.pieces());
        for (int e = 0; e < r.pieces(); e++) pieceIds.add(r.pieceId(e));
        List<String> criterionIds = new ArrayList<>(r.criteria());
        for (int c = 0; c < r.criteria(); c++) criterionIds.add(r.criterionId(c));
        return new FairLevels(List.copyOf(pieceIds), List.copyOf(criterionIds), start, criterion, level);
    }

    /**
     * Wright and Douglas (1977): with L scores per piece, JMLE spreads the measures of the facets with many
     * scores (scorers, criteria, thresholds) by about L / (L - 1). Scale them back, then re-estimate the
     * pieces against the corrected values so that the two stay consistent.
     */
    private void correctBias() {
        int[] counts = activeCounts();
        long total = 0;
        int pieces = 0;
        for (int c : counts) {
            if (c > 0) {
                total += c;
                pieces++;
            }
        }
        double mean = (double) total / Math.max(1, pieces);
        if (mean <= 1) return;
        double factor = (mean - 1) / mean;
        for (int f = SCORER; f <= CRITERION; f++) for (int e = 0; e < measure[f].length; e++) measure[f][e] *= factor;
        for (double[] t : tau) for (int k = 1; k < t.length; k++) t[k] *= factor;
        for (int iteration = 0; iteration < options.maxIterations(); iteration++) {
            if (stepPieces() < options.convergence()) break;
        }
    }

    private int[] activeCounts() {
        int[] count = new int[measure[PIECE].length];
        for (int i = 0; i < n; i++) if (active[i]) count[element[PIECE][i]]++;
        return count;
    }

    private RaschResult.Facet facet(int f, double[][] fit, double[] fair) {
        int[] ratings = new int[measure[f].length];
        for (int i = 0; i < n; i++) ratings[element[f][i]]++;
        List<RaschResult.Element> elements = new ArrayList<>(measure[f].length);
        for (int e = 0; e < measure[f].length; e++) {
            double se = fit[0][e] > 0 ? 1 / Math.sqrt(fit[0][e]) : Double.NaN;
            boolean fitted = !extreme[f][e] && fit[3][e] > 0 && fit[0][e] > 0;
            Double infit = fitted ? fit[1][e] / fit[0][e] : null;
            Double outfit = fitted ? fit[2][e] / fit[3][e] : null;
            List<Double> thresholds = f == CRITERION ? thresholds(options.model() == Model.RSM ? 0 : e) : null;
            elements.add(new RaschResult.Element(id(f, e), measure[f][e], se, infit, outfit, ratings[e],
                    extreme[f][e], fair == null ? null : fair[e], thresholds));
        }
        return new RaschResult.Facet(List.copyOf(elements), summary(f, fit));
    }

    /** Thresholds F_1..F_m; null for one that has no scores on one side of it. */
    private List<Double> thresholds(int g) {
        List<Double> list = new ArrayList<>();
        for (int k = 1; k < tau[g].length; k++) list.add(estimable[g][k] ? tau[g][k] : null);
        return Collections.unmodifiableList(list);
    }

    private String id(int f, int e) {
        return switch (f) {
            case PIECE -> r.pieceId(e);
            case SCORER -> r.scorerId(e);
            default -> r.criterionId(e);
        };
    }

    private RaschResult.Summary summary(int f, double[][] fit) {
        int count = 0;
        double sum = 0;
        double squares = 0;
        double errors = 0;
        double w = 0;
        double wd = 0;
        double wd2 = 0;
        for (int e = 0; e < measure[f].length; e++) {
            if (extreme[f][e] || fit[0][e] <= 0) continue;
            double m = measure[f][e];
            double variance = 1 / fit[0][e];
            count++;
            sum += m;
            squares += m * m;
            errors += variance;
            w += 1 / variance;
            wd += m / variance;
            wd2 += m * m / variance;
        }
        if (count == 0) return new RaschResult.Summary(0, 0, 0, 0, 0, 0, 0, 0, null, null, null);
        double mean = sum / count;
        double observed = Math.max(0, squares / count - mean * mean);
        double rmse = Math.sqrt(errors / count);
        double trueVariance = Math.max(0, observed - rmse * rmse);
        double separation = rmse > 0 ? Math.sqrt(trueVariance) / rmse : 0;
        double reliability = observed > 0 ? trueVariance / observed : 0;
        Double chi = null;
        Integer df = null;
        Double pValue = null;
        if (count > 1) {
            chi = wd2 - wd * wd / w;
            df = count - 1;
            pValue = 1 - new ChiSquaredDistribution(df).cumulativeProbability(chi);
        }
        return new RaschResult.Summary(count, mean, Math.sqrt(observed), rmse, Math.sqrt(trueVariance), separation,
                (4 * separation + 1) / 3, reliability, chi, df, pValue);
    }

    /**
     * Scorer x criterion bias screen (FACETS' bias/interaction analysis): with every measure fixed, the
     * extra leniency b of each scorer on each criterion that makes expected scores match observed ones,
     * found by a few Newton steps for all cells at once.
     */
    private List<RaschResult.Bias> bias() {
        int criteria = r.criteria();
        int cells = r.scorers() * criteria;
        double[] b = new double[cells];
        double[] residual = new double[cells];
        double[] information = new double[cells];
        double[] firstResidual = new double[cells];
        int[] count = new int[cells];
        double[] moments = new double[2];
        for (int round = 0; round < 8; round++) {
            Arrays.fill(residual, 0);
            Arrays.fill(information, 0);
            for (int i = 0; i < n; i++) {
                if (!active[i]) continue;
                int cell = element[SCORER][i] * criteria + element[CRITERION][i];
                expected(theta(i) + b[cell], group[i], moments);
                residual[cell] += x[i] - moments[0];
                information[cell] += moments[1];
                if (round == 0) count[cell]++;
            }
            if (round == 0) firstResidual = residual.clone();
            for (int cell = 0; cell < cells; cell++) {
                if (information[cell] > 0) b[cell] = clamp(b[cell] + clamp(residual[cell] / information[cell], MAX_STEP), 5);
            }
        }
        List<RaschResult.Bias> list = new ArrayList<>();
        for (int cell = 0; cell < cells; cell++) {
            if (count[cell] == 0 || information[cell] <= 0) continue;
            double se = 1 / Math.sqrt(information[cell]);
            double t = b[cell] / se;
            list.add(new RaschResult.Bias(r.scorerId(cell / criteria), r.criterionId(cell % criteria), count[cell],
                    firstResidual[cell] / count[cell], b[cell], se, t,
                    Math.abs(t) >= 2 && count[cell] >= BIAS_MIN_RATINGS));
        }
        return List.copyOf(list);
    }
}
