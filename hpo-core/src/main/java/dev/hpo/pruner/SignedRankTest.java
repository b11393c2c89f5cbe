package dev.hpo.pruner;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The one-sided Wilcoxon signed-rank test of paired differences (Wilcoxon 1945), as {@link WilcoxonPruner} needs it.
 * commons-math3's {@code WilcoxonSignedRankTest} is two-sided and drops zero differences; here a zero difference
 * keeps its rank and gives half of it to each side (SciPy's {@code zero_method="zsplit"}), so that a trial equal to
 * the best one on every step shows no evidence either way instead of an empty sample.
 *
 * <p>Up to {@value #EXACT_MAX} differences the p-value is exact: the null distribution of the positive rank sum is
 * counted over the 2^n sign patterns of the observed ranks, tied (average) ranks and zeros included. Beyond that it
 * is the normal approximation, its variance corrected for tied ranks. Both agree with SciPy 1.17's
 * {@code wilcoxon(d, alternative=…, zero_method="zsplit")}, which Optuna's pruner calls
 * ({@code WilcoxonPrunerTest} pins its p-values).
 */
final class SignedRankTest {

    /** The most differences whose p-value is computed exactly. */
    static final int EXACT_MAX = 50;

    private static final NaturalRanking RANKING = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE);
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private SignedRankTest() {
    }

    /** The p-value against "the differences are centred on 0", for the alternative "they are centred above 0". */
    static double pGreater(double[] differences) {
        return pValue(differences, true);
    }

    /** The p-value against "the differences are centred on 0", for the alternative "they are centred below 0". */
    static double pLess(double[] differences) {
        return pValue(differences, false);
    }

    private static double pValue(double[] d, boolean greater) {
        int n = d.length;
        if (n == 0) {
            return 1.0;
        }
        double[] magnitude = new double[n];
        for (int i = 0; i < n; i++) {
            magnitude[i] = Math.abs(d[i]);
        }
        // Average ranks are multiples of 1/2, so twice a rank is a whole number. Each zero's rank counts half on each
        // side, whatever the signs; the zeros hold ranks 1..z between them, so twice their half is a whole number too.
        double[] rank = RANKING.rank(magnitude);
        int[] twice = new int[n];
        double positive = 0;
        double zeros = 0;
        for (int i = 0; i < n; i++) {
            twice[i] = (int) Math.round(2 * rank[i]);
            if (d[i] > 0) {
                positive += 2 * rank[i];
            } else if (d[i] == 0) {
                zeros += rank[i];
            }
        }
        int fixed = (int) Math.round(zeros);
        int observed = (int) Math.round(positive + zeros);
        if (n <= EXACT_MAX) {
            return exactTail(d, twice, fixed, observed, greater);
        }
        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieCorrection(rank) / 48.0;
        if (!(variance > 0)) {
            return 1.0;  // every difference is zero: no evidence either way
        }
        double z = (observed / 2.0 - mean) / Math.sqrt(variance);
        return STANDARD_NORMAL.cumulativeProbability(greater ? -z : z);
    }

    /**
     * P(S ≥ observed) (or P(S ≤ observed)) for S = twice the positive rank sum when each non-zero difference is
     * positive or negative with probability 1/2, by the distribution of S over the sign patterns, built one rank at a
     * time as probabilities.
     */
    private static double exactTail(double[] d, int[] twice, int fixed, int observed, boolean greater) {
        int max = fixed;
        for (int i = 0; i < d.length; i++) {
            if (d[i] != 0) {
                max += twice[i];
            }
        }
        double[] p = new double[max + 1];
        p[fixed] = 1.0;
        int reach = fixed;
        for (int i = 0; i < d.length; i++) {
            if (d[i] == 0) {
                continue;
            }
            int r = twice[i];
            reach += r;
            for (int s = reach; s >= 0; s--) {
                p[s] = (p[s] + (s >= r ? p[s - r] : 0.0)) / 2;
            }
        }
        double tail = 0;
        if (greater) {
            for (int s = observed; s <= max; s++) {
                tail += p[s];
            }
        } else {
            for (int s = 0; s <= observed; s++) {
                tail += p[s];
            }
        }
        return Math.min(1.0, tail);
    }

    /** Σ (t³ − t) over the groups of t tied ranks (a tied group shares one average rank). */
    private static double tieCorrection(double[] rank) {
        double[] sorted = rank.clone();
        Arrays.sort(sorted);
        double sum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            sum += t * t * t - t;
            i = j + 1;
        }
        return sum;
    }
}
