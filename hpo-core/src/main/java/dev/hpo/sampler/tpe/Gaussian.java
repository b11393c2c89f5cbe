package dev.hpo.sampler.tpe;

import org.apache.commons.math3.special.Erf;

/**
 * The standard normal distribution as the Parzen estimator needs it: the upper tail Q(x) = 1 - Φ(x), its
 * logarithm, the log of the mass Φ(b) - Φ(a) of an interval (for truncation and for discretized kernels), and
 * draws from a truncated normal by inversion.
 *
 * <p>These run hundreds of thousands of times per trial, so Q and log Q come from tables built once (with
 * commons-math3's {@link Erf#erfc}) and read by cubic Hermite interpolation on a 1/256 grid, whose derivative
 * values are exact (Q' = -φ, (log Q)' = -φ/Q): the absolute error of Q is below 1e-12 and the relative error of
 * Q in the far tail (through log Q) about the same. Narrow intervals, where Φ(b) - Φ(a) would cancel, use the
 * Taylor series of the mass around the midpoint m with half-width t:
 * Φ(m+t) - Φ(m-t) = 2φ(m) Σ_n He_2n(m) t^(2n+1) / (2n+1)!, with He the probabilists' Hermite polynomials.
 */
public final class Gaussian {

    /** log √(2π). */
    public static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double LOG_2_OVER_SQRT_2PI = Math.log(2) - LOG_SQRT_2PI;

    private static final double H = 1.0 / 256;
    private static final double INV_H = 256;
    /** Beyond this Q(x) &lt; 1e-17, which is nothing next to 1. */
    private static final double Q_MAX = 8.5;
    /** Beyond this log Q comes from the asymptotic series. */
    private static final double LOGQ_MAX = 12.0;

    private static final double[] Q = new double[(int) (Q_MAX * INV_H) + 2];
    private static final double[] PHI = new double[Q.length];
    private static final double[] LOGQ = new double[(int) (LOGQ_MAX * INV_H) + 2];
    private static final double[] DLOGQ = new double[LOGQ.length];

    static {
        for (int i = 0; i < LOGQ.length; i++) {
            double x = i * H;
            double q = 0.5 * Erf.erfc(x / Math.sqrt(2));
            double logPhi = -0.5 * x * x - LOG_SQRT_2PI;
            LOGQ[i] = Math.log(q);
            DLOGQ[i] = -Math.exp(logPhi - LOGQ[i]);
            if (i < Q.length) {
                Q[i] = q;
                PHI[i] = Math.exp(logPhi);
            }
        }
    }

    /** 2^(i/64) for i in 0..63, for {@link #expNonPositive}. */
    private static final double[] EXP2_FRACTION = new double[64];
    private static final double LN2_OVER_64 = Math.log(2) / 64;
    private static final double INV_LN2_OVER_64 = 64 / Math.log(2);

    static {
        for (int i = 0; i < 64; i++) {
            EXP2_FRACTION[i] = Math.pow(2, i / 64.0);
        }
    }

    private Gaussian() {
    }

    /**
     * e^d for -745 &lt; d ≤ 0, about twice as fast as {@link Math#exp} where a mixture sums thousands of terms:
     * d = (64q + r)·ln2/64 + f with |f| ≤ ln2/128, e^d = 2^q · 2^(r/64) · e^f, e^f by its Taylor polynomial of
     * degree 6 (relative error below 1e-16).
     */
    public static double expNonPositive(double d) {
        // Math.round(y) is floor(y + 1/2) exactly; for -2^52 < y ≤ -1/2 the sum y + 1/2 is exact (a multiple of
        // y's ulp, smaller than y), for -1/2 < y ≤ 0 it lies in (0, 1/2]. Neither Math.round nor Math.floor is
        // compiled to an instruction by Java 17 here; a cast (towards 0) and a compare are.
        double t = d * INV_LN2_OVER_64 + 0.5;
        long k = (long) t;
        if (k > t) {
            k--;
        }
        double f = d - k * LN2_OVER_64;
        double p = 1 + f * (1 + f * (0.5 + f * (1.0 / 6 + f * (1.0 / 24 + f * (1.0 / 120 + f * (1.0 / 720))))));
        long q = k >> 6;
        return Double.longBitsToDouble((q + 1023) << 52) * EXP2_FRACTION[(int) (k & 63)] * p;
    }

    /** Q(x) = P(Z > x) for x ≥ 0, with an absolute error below 1e-12. */
    public static double upperTail(double x) {
        if (x >= Q_MAX) {
            return 0;
        }
        double s = x * INV_H;
        int i = (int) s;
        double u = s - i;
        return hermite(Q[i], -PHI[i] * H, Q[i + 1], -PHI[i + 1] * H, u);
    }

    /** log Q(x) = log P(Z > x) for any x, accurate to about 1e-12 relative in Q. */
    public static double logUpperTail(double x) {
        if (x < 0) {
            return log1m(Math.exp(logUpperTail(-x)));
        }
        if (x < LOGQ_MAX) {
            double s = x * INV_H;
            int i = (int) s;
            double u = s - i;
            return hermite(LOGQ[i], DLOGQ[i] * H, LOGQ[i + 1], DLOGQ[i + 1] * H, u);
        }
        // Asymptotic series Q(x) = φ(x)/x (1 - 1/x² + 3/x⁴ - 15/x⁶ + ...), ten terms: error < 1e-13 for x ≥ 12.
        double inv2 = 1 / (x * x);
        double term = 1;
        double sum = 1;
        for (int n = 1; n <= 10; n++) {
            term *= -(2 * n - 1) * inv2;
            sum += term;
        }
        return -0.5 * x * x - LOG_SQRT_2PI - Math.log(x) + Math.log(sum);
    }

    /**
     * log(1 - x) for 0 ≤ x &lt; 1 without {@link Math#log1p}, which is not intrinsic and slow: a short series for small
     * x (error below 1e-17 relative), a plain logarithm otherwise (where 1 - x is exact enough).
     */
    static double log1m(double x) {
        if (x < 1e-4) {
            return -x * (1 + x * (0.5 + x * (1.0 / 3 + x * 0.25)));
        }
        return Math.log(1 - x);
    }

    private static double hermite(double f0, double d0, double f1, double d1, double u) {
        double u2 = u * u;
        double u3 = u2 * u;
        return (2 * u3 - 3 * u2 + 1) * f0 + (u3 - 2 * u2 + u) * d0 + (-2 * u3 + 3 * u2) * f1 + (u3 - u2) * d1;
    }

    /**
     * log(Φ(b) - Φ(a)) for a &lt; b: the log mass of an interval (in standard units), stable in both tails and for
     * intervals so narrow that the two CDF values are almost equal.
     */
    public static double logMass(double a, double b) {
        double m = 0.5 * (a + b);
        double t = 0.5 * (b - a);
        if (isNarrow(m, t)) {
            return LOG_2_OVER_SQRT_2PI - 0.5 * m * m + Math.log(t * narrowFactor(m, t));
        }
        if (b <= 0) {
            double na = -b;
            b = -a;
            a = na;
        }
        if (a >= 0) {
            double la = logUpperTail(a);
            double lb = logUpperTail(b);
            return la + log1m(Math.exp(lb - la));
        }
        return log1m(upperTail(-a) + upperTail(b));
    }

    /** True when the series of {@link #narrowFactor} converges fast and the direct difference would cancel. */
    public static boolean isNarrow(double m, double t) {
        return t * Math.max(Math.abs(m), 1) < 0.25;
    }

    /**
     * (Φ(m+t) - Φ(m-t)) / (2 t φ(m)) = Σ_n He_2n(m) t^2n / (2n+1)!, for {@link #isNarrow} intervals: close to 1,
     * so that a discretized kernel's mass is 2tφ(m) times this factor.
     */
    public static double narrowFactor(double m, double t) {
        double t2 = t * t;
        double hePrev = 1;
        double he = m;
        double coef = 1;
        double sum = 1;
        int small = 0;
        for (int n = 1; n < 60; n++) {
            double heEven = m * he - (2 * n - 1) * hePrev;
            double heOdd = m * heEven - 2 * n * he;
            hePrev = heEven;
            he = heOdd;
            coef *= t2 / ((2.0 * n) * (2 * n + 1));
            double term = heEven * coef;
            sum += term;
            if (Math.abs(term) <= 1e-17 * Math.abs(sum) && Math.abs(heOdd * coef) <= 1e-16 * Math.abs(sum)) {
                if (++small == 2) {
                    break;
                }
            } else {
                small = 0;
            }
        }
        return sum;
    }

    /**
     * A draw from the standard normal truncated to [a, b] by inversion of the CDF, given a uniform u in [0, 1).
     * Works in the tail that keeps precision, so that kernels far from the bounds still sample correctly.
     */
    public static double truncatedQuantile(double u, double a, double b) {
        if (b <= 0) {
            return -truncatedQuantile(u, -b, -a);
        }
        double y;
        if (a >= 0) {
            double la = logUpperTail(a);
            double lb = logUpperTail(b);
            double target = la + Math.log1p(-u * -Math.expm1(lb - la));
            y = inverseLogUpperTail(target);
        } else {
            double lowerA = upperTail(-a);
            double upperB = upperTail(b);
            double mass = 1 - lowerA - upperB;
            double lower = lowerA + u * mass;
            double upper = upperB + (1 - u) * mass;
            y = lower < 0.5 ? -inverseLogUpperTail(Math.log(lower)) : inverseLogUpperTail(Math.log(upper));
        }
        return Math.min(b, Math.max(a, y));
    }

    /** The y ≥ 0 with log Q(y) = target (target ≤ log ½). */
    static double inverseLogUpperTail(double target) {
        if (target >= -Math.log(2)) {
            return 0;
        }
        if (target == Double.NEGATIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        // start: Abramowitz & Stegun 26.2.23 (error below 4.5e-4), then Newton's method on log Q
        double w = Math.sqrt(-2 * target);
        double y = w - (2.515517 + w * (0.802853 + w * 0.010328)) / (1 + w * (1.432788 + w * (0.189269 + w * 0.001308)));
        for (int i = 0; i < 50; i++) {
            double logQ = logUpperTail(y);
            double ratio = Math.exp(-0.5 * y * y - LOG_SQRT_2PI - logQ);
            double step = (logQ - target) / ratio;
            y = y + step < 0 ? 0.5 * y : y + step;
            if (Math.abs(step) <= 1e-12 * (1 + y)) {
                break;
            }
        }
        return y;
    }

}
