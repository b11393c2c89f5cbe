package dev.hpo.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.junit.jupiter.api.Test;

/** {@link HyperparameterFit#lowerInverse} against commons-math3's inverse, entry by entry, to the bit. */
class LowerInverseTest {

    @Test
    void theLowerTriangleEqualsCommonsInverseToTheBit() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n : new int[] {1, 2, 7, 40}) {
            double[][] x = new double[n][3];
            for (double[] p : x) {
                for (int d = 0; d < 3; d++) {
                    p[d] = random.nextDouble();
                }
            }
            Matern52 kernel = new Matern52(new boolean[3]);
            double[][] k = GaussianProcess.covariance(kernel, x, new double[] {4, 9, 1}, 1.3, 1e-4);
            CholeskyDecomposition chol = GaussianProcess.factorize(k);
            double[][] expected = chol.getSolver().getInverse().getData();
            double[][] actual = HyperparameterFit.lowerInverse(chol.getLT().getData());
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    assertEquals(Double.doubleToLongBits(expected[i][j]), Double.doubleToLongBits(actual[i][j]),
                            "entry (" + i + ", " + j + ") of a " + n + " x " + n + " inverse");
                }
            }
        }
    }
}
