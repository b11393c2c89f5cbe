package dev.hpo.sampler.gp;

import dev.hpo.sampler.UnitSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Finds a point of high acquisition value in a mixed space: scores a randomly shifted Sobol set plus
 * perturbations of the best observed points, then refines the best few starts by alternating a bounded
 * quasi-Newton ascent over the continuous coordinates (discrete ones held) with a discrete local search — the
 * neighbouring cell of each integer or stepped coordinate and every other choice of each categorical one.
 * Rounding a continuous optimum alone would miss optima that sit between grid values.
 */
final class AcquisitionOptimizer {

    private static final int LOCAL_STARTS = 4;
    private static final int LOCAL_ITERATIONS = 30;
    private static final int ROUNDS = 3;
    private static final double RELAX_BELOW = 0.05;

    /**
     * The first points of the Sobol sequence by (dimension, count): every search starts from the same ones, shifted
     * at random, and commons-math3 reads its direction numbers from a resource file for each new generator.
     */
    private static final Map<SobolKey, double[][]> SOBOL_POINTS = new ConcurrentHashMap<>();

    private record SobolKey(int dimension, int count) {
    }

    private final UnitSpace space;
    private final Acquisition acquisition;
    private final int candidates;

    /** The function maximized: its value and, for the continuous coordinates, its gradient. */
    interface Acquisition {
        double value(double[] x, double[] grad);

        /** The values at many points, without gradients; one by one unless an acquisition scores them faster together. */
        default void values(List<double[]> xs, double[] out) {
            for (int i = 0; i < out.length; i++) {
                out[i] = value(xs.get(i), null);
            }
        }

        /**
         * Whether {@link #value} may run on several threads at once (it keeps no state between calls): then the
         * local searches from the best starts run side by side.
         */
        default boolean concurrent() {
            return false;
        }
    }

    AcquisitionOptimizer(UnitSpace space, Acquisition acquisition, int candidates) {
        this.space = space;
        this.acquisition = acquisition;
        this.candidates = candidates;
    }

    /**
     * The best point found that is none of the {@code taken} points (observed or pending); {@code incumbents}
     * are observed points (best first) to perturb. With a noise floor EI stays positive at an evaluated point, so
     * the exclusion is what keeps a sampler from proposing the same point again. When every scored point is
     * taken (a tiny discrete space), the best one is returned anyway.
     */
    double[] maximize(SplittableRandom random, List<double[]> incumbents, List<double[]> taken) {
        int dim = space.dimension();
        List<double[]> pool = new ArrayList<>();
        double[][] sobol = SOBOL_POINTS.computeIfAbsent(new SobolKey(dim, candidates), AcquisitionOptimizer::sobolPoints);
        double[] shift = new double[dim];
        for (int d = 0; d < dim; d++) {
            shift[d] = random.nextDouble();
        }
        for (int c = 0; c < candidates; c++) {
            double[] u = sobol[c];
            double[] x = new double[dim];
            for (int d = 0; d < dim; d++) {
                x[d] = coordinate(d, (u[d] + shift[d]) % 1.0);
            }
            pool.add(x);
        }
        int perturbations = Math.max(1, candidates / 4);
        for (int c = 0; c < perturbations && !incumbents.isEmpty(); c++) {
            double[] base = incumbents.get(c % Math.min(incumbents.size(), 5));
            double scale = c % 2 == 0 ? 0.02 : 0.1;
            double[] x = base.clone();
            for (int d = 0; d < dim; d++) {
                if (space.isCategorical(d)) {
                    if (random.nextDouble() < 1.0 / dim) {
                        x[d] = random.nextInt(space.choices(d));
                    }
                } else {
                    x[d] = space.snap(d, x[d] + scale * random.nextGaussian());
                }
            }
            pool.add(x);
        }
        double[] scores = new double[pool.size()];
        acquisition.values(pool, scores);
        Integer[] order = new Integer[pool.size()];
        for (int i = 0; i < scores.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> -scores[i]));
        int starts = Math.min(LOCAL_STARTS, order.length);
        double[][] refined = new double[starts][];
        double[] refinedValues = new double[starts];
        IntStream searches = IntStream.range(0, starts);
        if (acquisition.concurrent()) {
            searches = searches.parallel();  // each search its own point; chosen below in the order of the starts
        }
        searches.forEach(s -> {
            double[] x = pool.get(order[s]).clone();
            refinedValues[s] = refine(x, scores[order[s]]);
            refined[s] = x;
        });
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < starts; s++) {
            if (refinedValues[s] > bestValue && !isTaken(refined[s], taken)) {
                bestValue = refinedValues[s];
                best = refined[s];
            }
        }
        for (int i = 0; i < order.length; i++) {
            if (scores[order[i]] <= bestValue) {
                break;
            }
            if (!isTaken(pool.get(order[i]), taken)) {
                return pool.get(order[i]);
            }
        }
        return best != null ? best : pool.get(order[0]);
    }

    private static boolean isTaken(double[] x, List<double[]> taken) {
        for (double[] t : taken) {
            double d = 0;
            for (int i = 0; i < x.length; i++) {
                d = Math.max(d, Math.abs(x[i] - t[i]));
            }
            if (d < 1e-9) {
                return true;
            }
        }
        return false;
    }

    private double coordinate(int d, double u) {
        if (space.isCategorical(d)) {
            return Math.min(space.choices(d) - 1, (int) Math.floor(u * space.choices(d)));
        }
        return space.snap(d, u);
    }

    /** Improves x in place; returns its final acquisition value. */
    private double refine(double[] x, double value) {
        int dim = space.dimension();
        int[] continuous = java.util.stream.IntStream.range(0, dim).filter(this::relaxed).toArray();
        double current = value;
        for (int round = 0; round < ROUNDS; round++) {
            boolean improved = false;
            if (continuous.length > 0) {
                double after = ascendContinuous(x, continuous, current);
                improved |= after > current + 1e-9;
                current = Math.max(current, after);
            }
            double after = discreteSweep(x, current);
            improved |= after > current + 1e-9;
            current = Math.max(current, after);
            if (!improved) {
                break;
            }
        }
        return current;
    }

    /**
     * Coordinates the quasi-Newton step moves: continuous ones, and discrete ones with so many values (cells
     * narrower than {@value #RELAX_BELOW}) that a neighbour search alone would crawl; those are snapped after the step.
     */
    private boolean relaxed(int d) {
        if (space.isCategorical(d)) {
            return false;
        }
        if (!space.isDiscrete(d)) {
            return true;
        }
        double[] cell = space.cell(d, 0.5);
        return cell[1] - cell[0] < RELAX_BELOW;
    }

    private double ascendContinuous(double[] x, int[] continuous, double current) {
        int m = continuous.length;
        double[] sub = new double[m];
        double[] lo = new double[m];
        double[] hi = new double[m];
        for (int k = 0; k < m; k++) {
            sub[k] = x[continuous[k]];
            hi[k] = 1.0;
        }
        double[] full = x.clone();
        double[] fullGrad = new double[x.length];
        BoxLbfgs.Objective negative = (z, grad) -> {
            for (int k = 0; k < m; k++) {
                full[continuous[k]] = z[k];
            }
            double v = acquisition.value(full, fullGrad);
            for (int k = 0; k < m; k++) {
                grad[k] = -fullGrad[continuous[k]];
            }
            return -v;
        };
        double[] opt = BoxLbfgs.minimize(negative, sub, lo, hi, LOCAL_ITERATIONS, 0.1);
        double[] candidate = x.clone();
        for (int k = 0; k < m; k++) {
            candidate[continuous[k]] = space.snap(continuous[k], opt[k]);
        }
        double v = acquisition.value(candidate, null);
        if (v > current) {
            System.arraycopy(candidate, 0, x, 0, x.length);
            return v;
        }
        return current;
    }

    private double discreteSweep(double[] x, double current) {
        double best = current;
        for (int d = 0; d < space.dimension(); d++) {
            List<Double> options = new ArrayList<>();
            if (space.isCategorical(d)) {
                for (int c = 0; c < space.choices(d); c++) {
                    options.add((double) c);
                }
            } else if (space.isDiscrete(d)) {
                double[] cell = space.cell(d, x[d]);
                if (cell[0] > 0) {
                    options.add(space.snap(d, cell[0] - 1e-9));
                }
                if (cell[1] < 1) {
                    options.add(space.snap(d, cell[1] + 1e-9));
                }
            }
            double keep = x[d];
            double chosen = keep;
            for (double option : options) {
                if (option == keep) {
                    continue;
                }
                x[d] = option;
                double v = acquisition.value(x, null);
                if (v > best) {
                    best = v;
                    chosen = option;
                }
            }
            x[d] = chosen;
        }
        return best;
    }

    private static double[][] sobolPoints(SobolKey key) {
        SobolSequenceGenerator generator = new SobolSequenceGenerator(key.dimension());
        double[][] points = new double[key.count()][];
        for (int c = 0; c < points.length; c++) {
            points[c] = generator.nextVector();
        }
        return points;
    }
}
