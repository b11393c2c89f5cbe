package dev.hpo.sampler.gp;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.special.Erf;

/**
 * Quasi-random standard normal vectors ξ_1..ξ_N: the first N points of the Sobol sequence, randomized by a digital
 * shift (each coordinate's bits XORed with a random mask, which keeps the sequence's stratification, unlike a plain
 * shift modulo 1) and mapped through the inverse normal distribution function Φ⁻¹. An expectation over a Gaussian
 * estimated with a fixed such set is a deterministic, smooth function of the Gaussian's mean and standard deviation,
 * which a quasi-Newton method can maximize, and for a given N it is closer to the integral than independent draws
 * (Daulton et al. 2020, appendix D; Owen 1998 for randomized nets).
 */
final class NormalQmc {

    /** commons-math3's Sobol generator returns its integers divided by 2^52. */
    private static final int BITS = 52;
    private static final double SCALE = 0x1p52;
    private static final double SQRT2 = Math.sqrt(2);

    /** The first Sobol points by (dimension, count), as integers: the direction numbers are read from a resource. */
    private static final Map<Key, long[][]> SOBOL = new ConcurrentHashMap<>();

    private record Key(int dimension, int count) {
    }

    private NormalQmc() {
    }

    /** {@code count} standard normal vectors of {@code dimension} coordinates, rows; the shift drawn from random. */
    static double[][] samples(int dimension, int count, SplittableRandom random) {
        long[][] sobol = SOBOL.computeIfAbsent(new Key(dimension, count), NormalQmc::sobol);
        long[] mask = new long[dimension];
        for (int j = 0; j < dimension; j++) {
            mask[j] = random.nextLong() >>> (Long.SIZE - BITS);
        }
        double[][] xi = new double[count][dimension];
        for (int n = 0; n < count; n++) {
            for (int j = 0; j < dimension; j++) {
                // the middle of the cell the shifted point names: never 0 or 1, so Φ⁻¹ stays finite
                double u = ((sobol[n][j] ^ mask[j]) + 0.5) / SCALE;
                xi[n][j] = SQRT2 * Erf.erfInv(2 * u - 1);
            }
        }
        return xi;
    }

    private static long[][] sobol(Key key) {
        SobolSequenceGenerator generator = new SobolSequenceGenerator(key.dimension());
        long[][] points = new long[key.count()][key.dimension()];
        for (int n = 0; n < points.length; n++) {
            double[] v = generator.nextVector();
            for (int j = 0; j < v.length; j++) {
                points[n][j] = (long) (v[j] * SCALE);
            }
        }
        return points;
    }
}
