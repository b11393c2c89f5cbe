package dev.hpo.sampler.cmaes;

import dev.hpo.sampler.UnitSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The CMA-ES of Hansen's tutorial (2016, "The CMA Evolution Strategy: A Tutorial") on the unit cube, with positive
 * recombination weights, plus: IPOP restarts (Auger and Hansen 2005: a fresh random mean and a doubled
 * population when the run has converged or stalled), the separable variant (Ros and Hansen 2008: a diagonal
 * covariance with learning rates scaled by (n+2)/3), and the margin of Hamano et al. (2022, "CMA-ES with margin")
 * for integer and stepped coordinates. Works on {@link CmaState} values; keeps no state of its own.
 *
 * <p>Margin, as implemented here: after each update, for every discrete coordinate the probability that a sample
 * leaves the cell (grid value) of the mean is kept at least α = 1/(nλ) in total. For an interior cell the
 * mean and a per-coordinate scale A are set so that each side keeps at least α/2; for a cell at a bound the mean
 * is moved towards the inner threshold so that crossing it has probability α. Samples are encoded as
 * {@code m + A (x - m)} before they are snapped to the grid, and the update sees the unscaled x. This is the
 * paper's correction for integer variables with the probability targets simplified to "at least α/2 per side".
 */
public final class CmaEs {

    private static final double TOL_FUN = 1e-12;
    private static final double TOL_X = 1e-11;
    private static final double MAX_CONDITION = 1e14;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final UnitSpace space;

    public CmaEs(UnitSpace space) {
        this.space = space;
    }

    /** λ = 4 + ⌊3 ln n⌋. */
    public static int defaultPopsize(int n) {
        return 4 + (int) Math.floor(3 * Math.log(n));
    }

    /**
     * A fresh run around {@code mean} with step size σ0 and covariance C0 (identity when null), adapting its learning
     * rates when {@code adaptLearningRates} (full covariance only).
     */
    public static CmaState start(String spaceKey, int generation, int restarts, int popsize, double[] mean,
            double sigma0, double[][] cov0, boolean separable, boolean adaptLearningRates) {
        if (separable && adaptLearningRates) {
            throw new IllegalArgumentException("learning-rate adaptation needs the full covariance; sep-CMA-ES has a"
                    + " diagonal one");
        }
        int n = mean.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (cov0 == null) {
                c[i][i] = 1;
            } else {
                c[i] = cov0[i].clone();
            }
        }
        double[] a = new double[n];
        Arrays.fill(a, 1.0);
        return new CmaState(spaceKey, generation, 0, restarts, popsize, mean.clone(), sigma0, sigma0, c,
                new double[n], new double[n], a, List.of(), separable,
                adaptLearningRates ? LearningRates.initial(n) : null);
    }

    /** The eigen-basis B and the axis lengths D (square roots of eigenvalues) of C: C = B D² Bᵀ. */
    private static double[][][] eigen(CmaState s) {
        int n = s.dimension();
        double[][] b = new double[n][n];
        double[][] d = new double[1][n];
        if (s.separable()) {
            for (int i = 0; i < n; i++) {
                b[i][i] = 1;
                d[0][i] = Math.sqrt(Math.max(1e-300, s.cov()[i][i]));
            }
            return new double[][][] {b, d};
        }
        // C made exactly symmetric, as the update leaves it only up to rounding: commons-math then takes its symmetric
        // solver, where a nearly singular C that is not quite symmetric sent it to the general one, which fails on it
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                c[i][j] = (s.cov()[i][j] + s.cov()[j][i]) / 2;
                c[j][i] = c[i][j];
            }
        }
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(c, false));
        RealMatrix v = e.getV();
        double[] values = e.getRealEigenvalues();
        for (int i = 0; i < n; i++) {
            d[0][i] = Math.sqrt(Math.max(1e-300, values[i]));
            for (int j = 0; j < n; j++) {
                b[j][i] = v.getEntry(j, i);
            }
        }
        return new double[][][] {b, d};
    }

    /**
     * Draws x = m + σ B D z, z ~ N(0, I), redrawing up to 100 times while x leaves the unit cube, then clipping.
     * This is the point the update learns from.
     */
    public double[] ask(CmaState s, RandomGenerator random) {
        int n = s.dimension();
        double[][][] bd = eigen(s);
        double[] x = new double[n];
        for (int attempt = 0; attempt < 100; attempt++) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = random.nextGaussian() * bd[1][0][i];
            }
            boolean inside = true;
            for (int i = 0; i < n; i++) {
                double y = 0;
                for (int j = 0; j < n; j++) {
                    y += bd[0][i][j] * z[j];
                }
                x[i] = s.mean()[i] + s.sigma() * y;
                inside &= x[i] >= 0 && x[i] <= 1;
            }
            if (inside) {
                return x;
            }
        }
        for (int i = 0; i < n; i++) {
            x[i] = Math.max(0, Math.min(1, x[i]));
        }
        return x;
    }

    /** The point evaluated for x: discrete coordinates scaled by the margin's A around the mean and snapped. */
    public double[] encode(CmaState s, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = space.isDiscrete(i) ? s.mean()[i] + s.marginA()[i] * (x[i] - s.mean()[i]) : x[i];
            out[i] = space.snap(i, v);
        }
        return out;
    }

    /**
     * One generation's update from λ solutions (the unscaled points from {@link #ask}) and their values (lower is
     * better); returns the next state, restarted with a doubled population when the run has converged.
     */
    public CmaState tell(CmaState s, List<double[]> solutions, double[] values, RandomGenerator random) {
        int n = s.dimension();
        int lambda = solutions.size();
        Integer[] order = new Integer[lambda];
        for (int i = 0; i < lambda; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> Double.compare(values[p], values[q]));
        int mu = lambda / 2;
        double[] w = new double[mu];
        double sumW = 0;
        for (int i = 0; i < mu; i++) {
            w[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
            sumW += w[i];
        }
        double sumW2 = 0;
        for (int i = 0; i < mu; i++) {
            w[i] /= sumW;
            sumW2 += w[i] * w[i];
        }
        double muEff = 1 / sumW2;
        double cSigma = (muEff + 2) / (n + muEff + 5);
        double dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
        double cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
        double c1 = 2 / ((n + 1.3) * (n + 1.3) + muEff);
        double cMu = Math.min(1 - c1, 2 * (muEff - 2 + 1 / muEff) / ((n + 2) * (n + 2) + muEff));
        if (s.separable()) {
            c1 *= (n + 2) / 3.0;
            cMu = Math.min(1 - c1, cMu * (n + 2) / 3.0);
        }
        double chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));

        double[] m = s.mean();
        double sigma = s.sigma();
        double[][] y = new double[mu][n];
        double[] yw = new double[n];
        for (int k = 0; k < mu; k++) {
            double[] x = solutions.get(order[k]);
            for (int i = 0; i < n; i++) {
                y[k][i] = (x[i] - m[i]) / sigma;
                yw[i] += w[k] * y[k][i];
            }
        }
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = m[i] + sigma * yw[i];
        }
        // C^{-1/2} ⟨y⟩w = B D⁻¹ Bᵀ ⟨y⟩w
        double[][][] bd = eigen(s);
        double[][] b = bd[0];
        double[] d = bd[1][0];
        double[] tmp = new double[n];
        for (int j = 0; j < n; j++) {
            double t = 0;
            for (int i = 0; i < n; i++) {
                t += b[i][j] * yw[i];
            }
            tmp[j] = t / d[j];
        }
        double a = Math.sqrt(cSigma * (2 - cSigma) * muEff);
        double[] ps = new double[n];
        double psNorm = 0;
        for (int i = 0; i < n; i++) {
            double t = 0;
            for (int j = 0; j < n; j++) {
                t += b[i][j] * tmp[j];
            }
            ps[i] = (1 - cSigma) * s.pathSigma()[i] + a * t;
            psNorm += ps[i] * ps[i];
        }
        psNorm = Math.sqrt(psNorm);
        int g = s.generationsInRun() + 1;
        double hSigma = psNorm / Math.sqrt(1 - Math.pow(1 - cSigma, 2.0 * g)) < (1.4 + 2.0 / (n + 1)) * chiN ? 1 : 0;
        double[] pc = new double[n];
        double ac = Math.sqrt(cc * (2 - cc) * muEff);
        for (int i = 0; i < n; i++) {
            pc[i] = (1 - cc) * s.pathC()[i] + hSigma * ac * yw[i];
        }
        double deltaH = (1 - hSigma) * cc * (2 - cc);
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (s.separable() && i != j) {
                    continue;
                }
                double rankMu = 0;
                for (int k = 0; k < mu; k++) {
                    rankMu += w[k] * y[k][i] * y[k][j];
                }
                c[i][j] = (1 + c1 * deltaH - c1 - cMu) * s.cov()[i][j] + c1 * pc[i] * pc[j] + cMu * rankMu;
            }
        }
        double newSigma = sigma * Math.exp(Math.min(1.0, cSigma / dSigma * (psNorm / chiN - 1)));
        List<Double> history = new ArrayList<>(s.bestHistory());
        history.add(values[order[0]]);
        int keep = 10 + (int) Math.ceil(30.0 * n / lambda);
        while (history.size() > keep) {
            history.remove(0);
        }
        CmaState next = new CmaState(s.space(), s.generation() + 1, g, s.restarts(), s.popsize(), mean, newSigma,
                s.sigma0(), c, ps, pc, s.marginA().clone(), List.copyOf(history), s.separable(), null);
        next = s.learningRates() == null ? next : adaptLearningRates(s, next, b, d);
        next = applyMargin(next);
        double worst = values[order[lambda - 1]];
        if (converged(next, values[order[0]], worst, keep)) {
            return restart(next, random);
        }
        return next;
    }

    // LRA-CMA-ES's constants (Nomura et al. 2023): the target SNR α, the averaging rates β and the rate change γ
    private static final double LRA_ALPHA = 1.4;
    private static final double LRA_BETA_MEAN = 0.1;
    private static final double LRA_BETA_SIGMA = 0.03;
    private static final double LRA_GAMMA = 0.1;

    /**
     * LRA-CMA-ES: measures the plain update from {@code s} to {@code plain} in the coordinates of s's distribution
     * (x ↦ (σ²C)^(-1/2) x), estimates each update's signal-to-noise ratio from moving averages, moves each learning rate
     * towards the one that keeps the ratio at α, and takes that fraction of the update. The step size is then
     * corrected by the change of the mean's rate, so that a slower mean does not shrink σ on its own.
     */
    private CmaState adaptLearningRates(CmaState s, CmaState plain, double[][] b, double[] d) {
        int n = s.dimension();
        LearningRates lr = s.learningRates();
        double[][] oldSigma = scaled(s.cov(), s.sigma() * s.sigma());
        double[][] newSigma = scaled(plain.cov(), plain.sigma() * plain.sigma());
        // (σ²C)^(-1/2) = B D⁻¹ Bᵀ / σ
        double[][] inverseRoot = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double t = 0;
                for (int k = 0; k < n; k++) {
                    t += b[i][k] * b[j][k] / d[k];
                }
                inverseRoot[i][j] = t / s.sigma();
            }
        }
        double[] deltaMean = new double[n];
        double[][] deltaSigma = new double[n][n];
        for (int i = 0; i < n; i++) {
            deltaMean[i] = plain.mean()[i] - s.mean()[i];
            for (int j = 0; j < n; j++) {
                deltaSigma[i][j] = newSigma[i][j] - oldSigma[i][j];
            }
        }
        double[] localMean = multiply(inverseRoot, deltaMean);
        double[][] localSigma = multiply(multiply(inverseRoot, deltaSigma), inverseRoot);

        double[] meanAverage = new double[n];
        double meanSquare = 0;
        double meanAverageSquare = 0;
        for (int i = 0; i < n; i++) {
            meanAverage[i] = (1 - LRA_BETA_MEAN) * lr.meanAverage()[i] + LRA_BETA_MEAN * localMean[i];
            meanSquare += localMean[i] * localMean[i];
            meanAverageSquare += meanAverage[i] * meanAverage[i];
        }
        double vMean = (1 - LRA_BETA_MEAN) * lr.meanSquare() + LRA_BETA_MEAN * meanSquare;
        double[] sigmaAverage = new double[n * n];
        double sigmaSquare = 0;
        double sigmaAverageSquare = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double local = localSigma[i][j] / Math.sqrt(2);
                int k = i * n + j;
                sigmaAverage[k] = (1 - LRA_BETA_SIGMA) * lr.sigmaAverage()[k] + LRA_BETA_SIGMA * local;
                sigmaSquare += local * local;
                sigmaAverageSquare += sigmaAverage[k] * sigmaAverage[k];
            }
        }
        double vSigma = (1 - LRA_BETA_SIGMA) * lr.sigmaSquare() + LRA_BETA_SIGMA * sigmaSquare;
        double etaMean = nextRate(lr.etaMean(), meanAverageSquare, vMean, LRA_BETA_MEAN);
        double etaSigma = nextRate(lr.etaSigma(), sigmaAverageSquare, vSigma, LRA_BETA_SIGMA);

        double[] mean = new double[n];
        double[][] sigmaMatrix = new double[n][n];
        for (int i = 0; i < n; i++) {
            mean[i] = s.mean()[i] + etaMean * deltaMean[i];
            for (int j = 0; j < n; j++) {
                sigmaMatrix[i][j] = oldSigma[i][j] + etaSigma * deltaSigma[i][j];
            }
        }
        // σ² C = Σ with det C = 1: σ = det(Σ)^(1/2n); then the step-size correction
        double logDet = 0;
        for (double e : new EigenDecomposition(new Array2DRowRealMatrix(sigmaMatrix, false)).getRealEigenvalues()) {
            logDet += Math.log(Math.max(e, 1e-300));
        }
        double sigma = Math.exp(logDet / (2.0 * n));
        double[][] cov = scaled(sigmaMatrix, 1 / (sigma * sigma));
        sigma *= lr.etaMean() / etaMean;
        return new CmaState(plain.space(), plain.generation(), plain.generationsInRun(), plain.restarts(),
                plain.popsize(), mean, sigma, plain.sigma0(), cov, plain.pathSigma(), plain.pathC(), plain.marginA(),
                plain.bestHistory(), false, new LearningRates(etaMean, etaSigma, meanAverage, sigmaAverage, vMean,
                        vSigma));
    }

    /** η ← η exp(min(γη, β) · clip(SNR/(αη) − 1, −1, 1)), at most 1, with SNR = (‖E‖² − β/(2−β) V) / (V − ‖E‖²). */
    private static double nextRate(double eta, double averageSquare, double square, double beta) {
        double snr = (averageSquare - beta / (2 - beta) * square) / (square - averageSquare);
        double relative = Math.max(-1, Math.min(1, snr / LRA_ALPHA / eta - 1));
        return Math.min(1, eta * Math.exp(Math.min(LRA_GAMMA * eta, beta) * relative));
    }

    private static double[][] scaled(double[][] m, double factor) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] *= factor;
            }
        }
        return out;
    }

    private static double[] multiply(double[][] m, double[] v) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += m[i][j] * v[j];
            }
        }
        return out;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                for (int j = 0; j < n; j++) {
                    out[i][j] += aik * b[k][j];
                }
            }
        }
        return out;
    }

    /** TolFun (flat values now and over the recent generations), TolX (tiny steps) or an ill-conditioned C. */
    boolean converged(CmaState s, double best, double worst, int window) {
        List<Double> h = s.bestHistory();
        if (h.size() >= window) {
            double lo = Math.min(best, h.stream().mapToDouble(Double::doubleValue).min().orElse(best));
            double hi = Math.max(worst, h.stream().mapToDouble(Double::doubleValue).max().orElse(worst));
            if (hi - lo < TOL_FUN) {
                return true;
            }
        }
        int n = s.dimension();
        boolean tiny = true;
        double maxDiag = 0;
        double minDiag = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double sd = Math.sqrt(s.cov()[i][i]);
            tiny &= s.sigma() * Math.max(sd, Math.abs(s.pathC()[i])) < TOL_X;
            maxDiag = Math.max(maxDiag, s.cov()[i][i]);
            minDiag = Math.min(minDiag, s.cov()[i][i]);
        }
        if (tiny) {
            return true;
        }
        if (s.separable()) {
            return maxDiag / minDiag > MAX_CONDITION;
        }
        double[] d = eigen(s)[1][0];
        double dMax = Arrays.stream(d).max().orElse(1);
        double dMin = Arrays.stream(d).min().orElse(1);
        return (dMax * dMax) / (dMin * dMin) > MAX_CONDITION;
    }

    /** IPOP: a new run with a doubled population, a uniformly random mean and the initial step size. */
    public CmaState restart(CmaState s, RandomGenerator random) {
        double[] mean = new double[s.dimension()];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = random.nextDouble();
        }
        return start(s.space(), s.generation(), s.restarts() + 1, s.popsize() * 2, mean, s.sigma0(), null,
                s.separable(), s.learningRates() != null);
    }

    /** Hamano et al.'s margin for the discrete coordinates (see the class comment). */
    CmaState applyMargin(CmaState s) {
        int n = s.dimension();
        double alpha = 1.0 / (n * s.popsize());
        double[] mean = s.mean().clone();
        double[] a = s.marginA().clone();
        boolean any = false;
        for (int i = 0; i < n; i++) {
            if (!space.isDiscrete(i)) {
                continue;
            }
            any = true;
            a[i] = 1.0;
            mean[i] = Math.max(0, Math.min(1, mean[i]));
            double sd = s.sigma() * Math.sqrt(s.cov()[i][i]);
            double[] cell = space.cell(i, mean[i]);
            boolean lowerInside = cell[0] > 0;
            boolean upperInside = cell[1] < 1;
            double pLow = lowerInside ? STANDARD_NORMAL.cumulativeProbability((cell[0] - mean[i]) / sd) : 0;
            double pUp = upperInside ? 1 - STANDARD_NORMAL.cumulativeProbability((cell[1] - mean[i]) / sd) : 0;
            if (lowerInside && upperInside) {
                if (Math.min(pLow, pUp) >= alpha / 2) {
                    continue;
                }
                double qLow = STANDARD_NORMAL.inverseCumulativeProbability(1 - clampProbability(Math.max(pLow, alpha / 2)));
                double qUp = STANDARD_NORMAL.inverseCumulativeProbability(1 - clampProbability(Math.max(pUp, alpha / 2)));
                double width = (cell[1] - cell[0]) / (qLow + qUp);
                mean[i] = (cell[0] * qUp + cell[1] * qLow) / (qLow + qUp);
                a[i] = Math.max(1.0, width / sd);
            } else if (lowerInside || upperInside) {
                double p = lowerInside ? pLow : pUp;
                if (p >= alpha) {
                    continue;
                }
                double threshold = lowerInside ? cell[0] : cell[1];
                double distance = sd * STANDARD_NORMAL.inverseCumulativeProbability(1 - alpha);
                mean[i] = lowerInside ? threshold + distance : threshold - distance;
            }
        }
        if (!any) {
            return s;
        }
        return new CmaState(s.space(), s.generation(), s.generationsInRun(), s.restarts(), s.popsize(), mean,
                s.sigma(), s.sigma0(), s.cov(), s.pathSigma(), s.pathC(), a, s.bestHistory(), s.separable(),
                s.learningRates());
    }

    private static double clampProbability(double p) {
        return Math.max(1e-12, Math.min(0.5 - 1e-12, p));
    }
}
