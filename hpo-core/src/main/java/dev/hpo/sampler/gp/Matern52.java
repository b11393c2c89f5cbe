package dev.hpo.sampler.gp;

/**
 * The Matérn-5/2 kernel with one length scale per dimension (ARD):
 * {@code k(x, x') = σ² (1 + √5 r + 5r²/3) exp(-√5 r)}, {@code r² = Σ_d Δ_d² / ℓ_d²}, where {@code Δ_d} is the
 * difference of coordinates for numeric dimensions and the Hamming distance (0 or 1) for categorical ones. Twice
 * differentiable, so less smooth than the squared exponential and a better prior for hyperparameter responses
 * (Snoek et al. 2012).
 */
final class Matern52 {

    static final double SQRT5 = Math.sqrt(5.0);

    private final boolean[] categorical;

    Matern52(boolean[] categorical) {
        this.categorical = categorical.clone();
    }

    int dimension() {
        return categorical.length;
    }

    boolean isCategorical(int d) {
        return categorical[d];
    }

    /** The squared per-dimension distance term Δ_d². */
    double delta2(int d, double a, double b) {
        if (categorical[d]) {
            return a == b ? 0.0 : 1.0;
        }
        double diff = a - b;
        return diff * diff;
    }

    /** r² between two points for inverse squared length scales {@code inv2[d] = 1/ℓ_d²}. */
    double r2(double[] a, double[] b, double[] inv2) {
        double s = 0;
        for (int d = 0; d < a.length; d++) {
            s += delta2(d, a[d], b[d]) * inv2[d];
        }
        return s;
    }

    /** The kernel value for unit signal variance at squared distance r². */
    static double value(double r2) {
        double r = Math.sqrt(r2);
        return (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
    }

    /**
     * The factor {@code g(r) = (5/3)(1 + √5 r) exp(-√5 r)} shared by the derivatives: for unit signal variance,
     * {@code ∂k/∂log ℓ_d = g(r) Δ_d² / ℓ_d²} and {@code ∂k/∂x_d = -g(r) Δ_d / ℓ_d²}.
     */
    static double derivativeFactor(double r2) {
        double r = Math.sqrt(r2);
        return 5.0 / 3.0 * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
    }
}
