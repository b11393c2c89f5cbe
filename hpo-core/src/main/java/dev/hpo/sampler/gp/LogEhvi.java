package dev.hpo.sampler.gp;

/**
 * The logarithm of the expected hypervolume improvement (EHVI) of a point whose objectives (minimized) have
 * independent Gaussian posteriors N(μ_j, s_j²), over a front given as {@link NondominatedBoxes}. Estimated with a
 * fixed set of quasi-random normal vectors ξ_1..ξ_N ({@link NormalQmc}), as in Daulton, Balandat and Bakshy 2020,
 * eq. 1: with {@code y_n = μ + s ⊙ ξ_n},
 * <pre>
 *   EHVI ≈ (1/N) Σ_n Σ_b Π_j clamp(u_bj − y_nj, ε, u_bj − l_bj)
 * </pre>
 * the sum over the boxes [l_b, u_b) of the non-dominated region of what y_n adds to each. The clamp from below at
 * ε (instead of at 0) keeps every term positive, so that the logarithm, like log EI (Ament et al. 2023), stays
 * finite and has a slope where the improvement itself is zero in double precision: a box that y_n misses in one
 * objective still pulls with ε times its overlap in the others. All terms are positive and bounded below by ε^M,
 * so the sum is taken as it is and the log of the mean needs no cancellation-prone shift.
 *
 * <p>The estimate is a deterministic, piecewise smooth function of μ and s, with the gradient returned beside it.
 */
final class LogEhvi {

    /** The floor of each factor, in standardized units (the value Optuna's LogEHVI uses). */
    static final double EPSILON = 1e-12;

    private final double[][] upper;
    /** u_bj − l_bj, at least ε; infinite for an unbounded box. */
    private final double[][] interval;
    /** ξ_nj. */
    private final double[][] xi;
    private final int objectives;

    LogEhvi(NondominatedBoxes boxes, double[][] xi) {
        this.objectives = xi[0].length;
        if (objectives > 25) {
            // ε^M, the smallest term, must stay a normal double
            throw new IllegalArgumentException("log EHVI is estimated for up to 25 objectives, got " + objectives);
        }
        this.upper = new double[boxes.size()][];
        this.interval = new double[boxes.size()][objectives];
        for (int b = 0; b < boxes.size(); b++) {
            upper[b] = boxes.upper(b).clone();
            for (int j = 0; j < objectives; j++) {
                interval[b][j] = Math.max(EPSILON, upper[b][j] - boxes.lower(b)[j]);
            }
        }
        this.xi = xi;
    }

    /**
     * log EHVI for posterior means μ and standard deviations s (one per objective). When {@code gradMean} is given,
     * also writes ∂/∂μ_j there and ∂/∂s_j into {@code gradSd}.
     */
    double value(double[] mean, double[] sd, double[] gradMean, double[] gradSd) {
        int m = objectives;
        double[] y = new double[m];
        double[] c = new double[m];
        double sum = 0;
        if (gradMean != null) {
            java.util.Arrays.fill(gradMean, 0);
            java.util.Arrays.fill(gradSd, 0);
        }
        for (double[] xin : xi) {
            for (int j = 0; j < m; j++) {
                y[j] = mean[j] + sd[j] * xin[j];
            }
            for (int b = 0; b < upper.length; b++) {
                double[] ub = upper[b];
                double[] ib = interval[b];
                double product = 1;
                for (int j = 0; j < m; j++) {
                    c[j] = Math.min(ib[j], Math.max(EPSILON, ub[j] - y[j]));
                    product *= c[j];
                }
                sum += product;
                if (gradMean != null) {
                    for (int j = 0; j < m; j++) {
                        double d = ub[j] - y[j];
                        if (d > EPSILON && d < ib[j]) {
                            // ∂/∂y_j of the product: −Π / c_j; y_j = μ_j + s_j ξ_nj
                            double g = -product / c[j];
                            gradMean[j] += g;
                            gradSd[j] += g * xin[j];
                        }
                    }
                }
            }
        }
        if (gradMean != null) {
            for (int j = 0; j < m; j++) {
                gradMean[j] /= sum;
                gradSd[j] /= sum;
            }
        }
        return Math.log(sum / xi.length);
    }
}
