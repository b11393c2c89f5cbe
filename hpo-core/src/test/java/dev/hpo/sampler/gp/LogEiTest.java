package dev.hpo.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class LogEiTest {

    private static final NormalDistribution N = new NormalDistribution(null, 0, 1);

    private static double naiveEi(double mean, double sd, double best) {
        double z = (best - mean) / sd;
        return sd * (N.density(z) + z * N.cumulativeProbability(z));
    }

    @Test
    void matchesTheLogOfExpectedImprovementWhereItIsNotTiny() {
        for (double z = -8; z <= 5; z += 0.25) {
            double sd = 0.7;
            double mean = 1.0 - z * sd;
            double expected = Math.log(naiveEi(mean, sd, 1.0));
            assertEquals(expected, LogEi.of(mean, sd, 1.0), 1e-9 * Math.max(1, Math.abs(expected)), "z = " + z);
        }
    }

    @Test
    void staysFiniteAndDecreasingWhereExpectedImprovementUnderflows() {
        double previous = Double.POSITIVE_INFINITY;
        for (double z = -40; z >= -1e9; z *= 3) {
            assertEquals(0.0, naiveEi(-z, 1, 0), "EI itself underflows at z = " + z);
            double log = LogEi.logH(z);
            assertTrue(Double.isFinite(log) && log < previous, "log h(" + z + ") = " + log);
            previous = log;
        }
    }

    @Test
    void followsTheAsymptoticTailFarBelowTheIncumbent() {
        double z = -1e4;
        double asymptotic = -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(-z);
        assertEquals(asymptotic, LogEi.logH(z), 1e-6 * Math.abs(asymptotic));
    }

    @Test
    void derivativeIsTheRatioOfCdfToH() {
        for (double z : new double[] {-20, -3, -0.5, 0, 2}) {
            double h = 1e-5;
            double numeric = (LogEi.logH(z + h) - LogEi.logH(z - h)) / (2 * h);
            assertEquals(numeric, LogEi.dLogH(z), 1e-4 * Math.max(1, Math.abs(numeric)), "z = " + z);
        }
    }
}
