package org.calibrate.stats;

import java.util.Random;

/** Double-scored rounds simulated from the rating scale model with known parameters and a seeded generator. */
public final class Simulation {
    public final double[] pieces;
    public final double[] severities;
    public final double[] difficulties;
    public final double[] thresholds;
    public final Ratings ratings;

    /**
     * Piece measures N(0, 1.5), severities evenly spread over [-1, 1] (centred), difficulties spread over
     * [-0.5, 0.5], thresholds -1.5, -0.5, 0.5, 1.5 (levels 1..5). Each piece goes to two scorers drawn at
     * random, as a random allocation does; with many pieces per scorer the design is connected.
     */
    public Simulation(int pieceCount, int scorerCount, int criterionCount, long seed) {
        Random random = new Random(seed);
        pieces = new double[pieceCount];
        severities = new double[scorerCount];
        difficulties = new double[criterionCount];
        thresholds = new double[] {-1.5, -0.5, 0.5, 1.5};
        for (int i = 0; i < pieceCount; i++) pieces[i] = random.nextGaussian() * 1.5;
        for (int j = 0; j < scorerCount; j++) severities[j] = -1 + 2.0 * j / (scorerCount - 1);
        for (int c = 0; c < criterionCount; c++) difficulties[c] = criterionCount == 1 ? 0 : -0.5 + (double) c / (criterionCount - 1);
        Ratings.Builder builder = Ratings.builder();
        for (int i = 0; i < pieceCount; i++) {
            int first = random.nextInt(scorerCount);
            int second = (first + 1 + random.nextInt(scorerCount - 1)) % scorerCount;
            for (int scorer : new int[] {first, second}) {
                for (int c = 0; c < criterionCount; c++) {
                    int level = draw(pieces[i] - severities[scorer] - difficulties[c], random);
                    builder.add(String.format("P%06d", i), String.format("S%03d", scorer), "C" + c, level + 1);
                }
            }
        }
        ratings = builder.build();
    }

    private int draw(double theta, Random random) {
        return draw(theta, thresholds, random);
    }

    /** A level 0..thresholds.length drawn from the rating scale model at theta. */
    static int draw(double theta, double[] thresholds, Random random) {
        double[] weight = new double[thresholds.length + 1];
        double logit = 0;
        double sum = weight[0] = 1;
        for (int k = 1; k < weight.length; k++) {
            logit += theta - thresholds[k - 1];
            weight[k] = Math.exp(logit);
            sum += weight[k];
        }
        double u = random.nextDouble() * sum;
        for (int k = 0; k < weight.length; k++) {
            u -= weight[k];
            if (u <= 0) return k;
        }
        return weight.length - 1;
    }
}
