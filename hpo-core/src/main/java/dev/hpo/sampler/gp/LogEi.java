package dev.hpo.sampler.gp;

import org.apache.commons.math3.special.Erf;

/**
 * The logarithm of expected improvement, computed so that it stays finite and accurate where EI itself
 * underflows (Ament, Daulton, Eriksson, Balandat and Bakshy 2023, "Unexpected improvements to expected
 * improvement for Bayesian optimization"). For a minimization with incumbent {@code best} and a Gaussian
 * posterior {@code N(μ, s²)}: {@code EI = s h(z)}, {@code z = (best - μ) / s}, {@code h(z) = φ(z) + z Φ(z)}.
 * Far below the incumbent EI is 0 in double precision, which leaves an optimizer no slope to follow; log h is
 * smooth everywhere.
 */
final class LogEi {

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double HALF_LOG_PI_OVER_2 = 0.5 * Math.log(Math.PI / 2);
    private static final double SQRT2 = Math.sqrt(2);
    /** Below this z the asymptotic form is exact in double precision (1/√ε). */
    private static final double ASYMPTOTIC_Z = -1 / Math.sqrt(Math.ulp(1.0));

    private LogEi() {
    }

    /** log EI for posterior mean μ, standard deviation s and incumbent best (minimization). */
    static double of(double mean, double sd, double best) {
        return Math.log(sd) + logH((best - mean) / sd);
    }

    /** log h(z), h(z) = φ(z) + z Φ(z): the log of the expected improvement of a standard normal over -z. */
    static double logH(double z) {
        if (z > -1) {
            return Math.log(phi(z) + z * bigPhi(z));
        }
        if (z > ASYMPTOTIC_Z) {
            return -0.5 * z * z - HALF_LOG_2PI
                    + log1mexp(Math.log(erfcx(-z / SQRT2) * Math.abs(z)) + HALF_LOG_PI_OVER_2);
        }
        return -0.5 * z * z - HALF_LOG_2PI - 2 * Math.log(Math.abs(z));
    }

    /** d log h / dz = Φ(z) / h(z), computed in log space for the same range as {@link #logH}. */
    static double dLogH(double z) {
        return dLogH(z, logH(z));
    }

    /** {@link #dLogH} when log h(z) is known already (an error function fewer). */
    static double dLogH(double z, double logH) {
        return Math.exp(logBigPhi(z) - logH);
    }

    /** log Φ(z), accurate in the far lower tail. */
    static double logBigPhi(double z) {
        if (z > -5) {
            return Math.log(bigPhi(z));
        }
        return Math.log(0.5) - 0.5 * z * z + Math.log(erfcx(-z / SQRT2));
    }

    /** d log Φ / dz = φ(z) / Φ(z), computed in log space so that it stays finite in the far lower tail. */
    static double dLogBigPhi(double z) {
        return Math.exp(-0.5 * z * z - HALF_LOG_2PI - logBigPhi(z));
    }

    private static double phi(double z) {
        return Math.exp(-0.5 * z * z - HALF_LOG_2PI);
    }

    private static double bigPhi(double z) {
        return 0.5 * Erf.erfc(-z / SQRT2);
    }

    /** log(1 - exp(a)) for a &lt; 0, accurate near 0 and far below (Mächler 2012). */
    static double log1mexp(double a) {
        return a > -Math.log(2) ? Math.log(-Math.expm1(a)) : Math.log1p(-Math.exp(a));
    }

    /**
     * The scaled complementary error function {@code erfcx(x) = exp(x²) erfc(x)} for x ≥ 0: direct below 10,
     * the asymptotic series {@code 1/(x√π) Σ (-1)^k (2k-1)!! / (2x²)^k} above (relative error below 1e-12 there).
     */
    static double erfcx(double x) {
        if (x < 10) {
            return Math.exp(x * x) * Erf.erfc(x);
        }
        double inv = 1 / (2 * x * x);
        double term = 1;
        double sum = 1;
        for (int k = 1; k < 8; k++) {
            term *= -(2 * k - 1) * inv;
            sum += term;
        }
        return sum / (x * Math.sqrt(Math.PI));
    }
}
