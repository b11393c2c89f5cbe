package dev.hpo.importance;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A kernel density estimate over the bins {@code 0..n-1} of a {@link ParamGrid}, as PED-ANOVA uses it
 * (Watanabe et al. 2023, following Optuna): a weighted mixture with one component per occupied bin
 * (weight = its count) plus an optional prior component (weight {@code priorWeight}).
 *
 * <p>Numeric bins: each component is a normal truncated and discretized to the bins, centred on its bin,
 * with Scott's bandwidth {@code σ = 1.059 · min(IQR / 1.34, s) · N^(-1/5)} (s the sample standard deviation,
 * N the number of trials), at least {@code 0.5 / 1.64} so that 90% of a kernel falls in its own bin; the prior
 * is centred on the range with {@code σ = n}. Categorical bins: a component puts 1 on its choice plus
 * {@code priorWeight / (m + 1)} on every choice (m occupied choices), normalized; the prior is uniform.
 */
final class ScottParzenEstimator {

    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);
    private static final double MIN_SIGMA = 0.5 / 1.64;

    private final double[] pdf;

    private ScottParzenEstimator(double[] pdf) {
        this.pdf = pdf;
    }

    static ScottParzenEstimator fit(double[] counts, boolean categorical, boolean considerPrior, double priorWeight) {
        return new ScottParzenEstimator(categorical ? categoricalPdf(counts, considerPrior, priorWeight)
                : numericPdf(counts, considerPrior, priorWeight));
    }

    /** The probability of every bin. */
    double[] pdf() {
        return pdf.clone();
    }

    private static double[] numericPdf(double[] counts, boolean considerPrior, double priorWeight) {
        int n = counts.length;
        int occupied = 0;
        double total = 0;
        double mean = 0;
        for (int k = 0; k < n; k++) {
            if (counts[k] > 0) {
                occupied++;
                total += counts[k];
                mean += k * counts[k];
            }
        }
        double[] out = new double[n];
        if (total == 0 && !considerPrior) {
            java.util.Arrays.fill(out, 1.0 / n);
            return out;
        }
        double sigma = MIN_SIGMA;
        if (total > 0) {
            mean /= total;
            double ss = 0;
            for (int k = 0; k < n; k++) {
                ss += counts[k] * (k - mean) * (k - mean);
            }
            double sd = Math.sqrt(ss / Math.max(1, total - 1));
            double iqr = quantileBin(counts, total, Math.floor(total * 3 / 4), true)
                    - quantileBin(counts, total, Math.floor(total / 4), false);
            sigma = Math.max(1.059 * Math.min(iqr / 1.34, sd) * Math.pow(total, -0.2), MIN_SIGMA);
        }
        double weightSum = total + (considerPrior ? priorWeight : 0);
        // every kernel sits on a bin and shares σ, so the normal CDF is needed only at the 2n offsets d + 1/2 from
        // a kernel's bin (d in [-n, n)), not at n edges per kernel: the same numbers, a fraction of the erf calls
        double[] cdf = new double[2 * n + 1];
        for (int d = -n; d <= n; d++) {
            cdf[d + n] = STANDARD.cumulativeProbability((d + 0.5) / sigma);
        }
        for (int k = 0; k < n; k++) {
            if (counts[k] > 0) {
                addBinKernel(out, k, cdf, counts[k] / weightSum);
            }
        }
        if (considerPrior) {
            addDiscreteNormal(out, 0.5 * (n - 1), n, priorWeight / weightSum);
        }
        return out;
    }

    /**
     * The bin where the cumulative count reaches {@code rank}: the first bin whose cumulative count is at
     * least it ({@code after} false) or exceeds it ({@code after} true).
     */
    private static int quantileBin(double[] counts, double total, double rank, boolean after) {
        double cumulative = 0;
        int last = 0;
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] <= 0) {
                continue;
            }
            cumulative += counts[k];
            last = k;
            if (after ? cumulative > rank : cumulative >= rank) {
                return k;
            }
        }
        return last;
    }

    /**
     * {@link #addDiscreteNormal} for a kernel on bin {@code mu}, with {@code cdf[d + n]} = Φ((d + 1/2) / σ): the
     * arguments there, (k + 1/2 - μ) / σ for integer k and μ, are exactly these.
     */
    private static void addBinKernel(double[] out, int mu, double[] cdf, double weight) {
        int n = out.length;
        double lowTail = cdf[-1 - mu + n];
        double mass = cdf[n - 1 - mu + n] - lowTail;
        double previous = lowTail;
        for (int k = 0; k < n; k++) {
            double upper = cdf[k - mu + n];
            out[k] += weight * (upper - previous) / mass;
            previous = upper;
        }
    }

    /** Adds {@code weight} × a normal(μ, σ) truncated to [-0.5, n - 0.5] and integrated over each bin. */
    private static void addDiscreteNormal(double[] out, double mu, double sigma, double weight) {
        int n = out.length;
        double lowTail = STANDARD.cumulativeProbability((-0.5 - mu) / sigma);
        double mass = STANDARD.cumulativeProbability((n - 0.5 - mu) / sigma) - lowTail;
        double previous = lowTail;
        for (int k = 0; k < n; k++) {
            double upper = STANDARD.cumulativeProbability((k + 0.5 - mu) / sigma);
            out[k] += weight * (upper - previous) / mass;
            previous = upper;
        }
    }

    private static double[] categoricalPdf(double[] counts, boolean considerPrior, double priorWeight) {
        int n = counts.length;
        int occupied = 0;
        double total = 0;
        for (double c : counts) {
            if (c > 0) {
                occupied++;
                total += c;
            }
        }
        double[] out = new double[n];
        boolean prior = considerPrior || occupied == 0;
        double smoothing = priorWeight / (occupied + (prior ? 1 : 0));
        double rowSum = n * smoothing + 1;
        double weightSum = total + (prior ? priorWeight : 0);
        for (int c = 0; c < n; c++) {
            if (counts[c] <= 0) {
                continue;
            }
            double w = counts[c] / weightSum;
            for (int k = 0; k < n; k++) {
                out[k] += w * (smoothing + (k == c ? 1 : 0)) / rowSum;
            }
        }
        if (prior) {
            for (int k = 0; k < n; k++) {
                out[k] += (priorWeight / weightSum) / n;
            }
        }
        return out;
    }
}
