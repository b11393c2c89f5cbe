package dev.hpo.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class GaussianTest {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private static double exactLogQ(double x) {
        return Math.log(0.5 * Erf.erfc(x / Math.sqrt(2)));
    }

    @Test
    void upperTailMatchesTheNormalCdf() {
        for (double x = 0; x < 8.4; x += 0.0137) {
            assertEquals(1 - NORMAL.cumulativeProbability(x), Gaussian.upperTail(x), 1e-12, "x " + x);
        }
    }

    @Test
    void logUpperTailIsAccurateDeepInTheTails() {
        for (double x = -6; x < 26; x += 0.173) {
            double exact = exactLogQ(x);
            assertEquals(exact, Gaussian.logUpperTail(x), 1e-10 * Math.max(1, Math.abs(exact)), "x " + x);
        }
        // beyond the table: Q(40) = φ(40)/40 (1 - 1/1600 + ...)
        double asymptotic = -800 - 0.5 * Math.log(2 * Math.PI) - Math.log(40) + Math.log1p(-1.0 / 1600 + 3.0 / 2.56e6 - 15.0 / 4.096e9 + 105.0 / 6.5536e12);
        assertEquals(asymptotic, Gaussian.logUpperTail(40), 1e-9);
    }

    @Test
    void logMassOfWideNarrowAndFarIntervals() {
        double[][] intervals = {{-1, 1}, {0.5, 0.6}, {-3, -2.9999}, {2, 2.0001}, {-2, 5}, {-5, -4}, {4, 6}};
        for (double[] i : intervals) {
            double exact = Math.log(0.5 * (Erf.erfc(-i[1] / Math.sqrt(2)) - Erf.erfc(-i[0] / Math.sqrt(2))));
            assertEquals(exact, Gaussian.logMass(i[0], i[1]), 1e-9, () -> i[0] + ".." + i[1]);
        }
        // far in the tail, where the CDF difference underflows: log(Q(20) - Q(20.1)) ≈ log Q(20) + log(1 - e^-2.005)
        double far = Gaussian.logMass(20, 20.1);
        assertEquals(exactLogQ(20) + Math.log1p(-Math.exp(exactLogQ(20.1) - exactLogQ(20))), far, 1e-8);
    }

    @Test
    void narrowSeriesAgreesWithTheDirectDifference() {
        for (double m = -3; m <= 3; m += 0.5) {
            double t = 0.05;
            double direct = NORMAL.cumulativeProbability(m + t) - NORMAL.cumulativeProbability(m - t);
            double series = 2 * t * NORMAL.density(m) * Gaussian.narrowFactor(m, t);
            assertEquals(direct, series, 1e-13, "m " + m);
        }
    }

    @Test
    void truncatedDrawsStayInsideAndHaveTheTruncatedMean() {
        double[][] intervals = {{-1, 1}, {0, 3}, {-3, -1}, {2, 4}, {5, 7}, {-0.1, 0.1}};
        SplittableRandom random = new SplittableRandom(9);
        for (double[] i : intervals) {
            double a = i[0];
            double b = i[1];
            double sum = 0;
            int n = 40_000;
            for (int k = 0; k < n; k++) {
                double y = Gaussian.truncatedQuantile(random.nextDouble(), a, b);
                assertTrue(y >= a && y <= b, y + " outside " + a + ".." + b);
                sum += y;
            }
            double mass = NORMAL.cumulativeProbability(b) - NORMAL.cumulativeProbability(a);
            double mean = (NORMAL.density(a) - NORMAL.density(b)) / mass;
            assertEquals(mean, sum / n, 0.02 * (b - a), () -> a + ".." + b);
        }
    }

    /**
     * expNonPositive's index k = round(d · 64 / ln 2) is Math.round's, to the bit, also where d · 64 / ln 2 is a
     * half-integer or next to one (the rounding TPE's log-sum-exp has always used).
     */
    @Test
    void expNonPositiveRoundsAsMathRound() {
        SplittableRandom random = new SplittableRandom(5);
        double ln2Over64 = Math.log(2) / 64;
        for (int i = 0; i < 200_000; i++) {
            double half = -(random.nextInt(2 * 745 * 93) * 0.5);
            double y = switch (i % 4) {
                case 0 -> -random.nextDouble() * 745 * 64 / Math.log(2);
                case 1 -> half;
                case 2 -> Math.nextUp(half);
                default -> Math.nextDown(half);
            };
            double d = y * ln2Over64;
            if (!(d > -745 && d <= 0)) {
                continue;
            }
            assertEquals(Double.doubleToRawLongBits(expWithMathRound(d)),
                    Double.doubleToRawLongBits(Gaussian.expNonPositive(d)), "e^" + d);
        }
    }

    /** expNonPositive as written with Math.round. */
    private static double expWithMathRound(double d) {
        long k = Math.round(d * (64 / Math.log(2)));
        double f = d - k * (Math.log(2) / 64);
        double p = 1 + f * (1 + f * (0.5 + f * (1.0 / 6 + f * (1.0 / 24 + f * (1.0 / 120 + f * (1.0 / 720))))));
        return Double.longBitsToDouble(((k >> 6) + 1023) << 52) * Math.pow(2, (k & 63) / 64.0) * p;
    }
}
