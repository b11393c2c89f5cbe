package dev.hpo.sampler.nsga;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularMatrixException;

/**
 * NSGA-III's choice among the trials of the front that does not fit the next population whole (Deb and Jain 2014,
 * "An Evolutionary Many-Objective Optimization Algorithm Using Reference-Point-Based Nondominated Sorting Approach",
 * section IV): objectives are normalized by the ideal point and the intercepts of the hyperplane through the extreme
 * points, every trial is associated with the nearest reference direction, and the population is filled one trial at a
 * time from the direction with the fewest members so far. Where NSGA-II's crowding distance keeps a front spread in
 * two objectives, well-spread reference directions keep it spread in many.
 */
public final class ReferencePointSelection {

    /** Optuna's default number of divisions of each objective axis for {@link #dasDennis}. */
    public static final int DEFAULT_DIVISIONS = 3;
    /** The small weight of the other axes in the achievement scalarizing function that finds extreme points. */
    private static final double ASF_EPSILON = 1e-6;
    /** How many finite ranges beyond the finite values an infinite one is clipped to (Optuna's choice). */
    private static final double INFINITY_MARGIN = 3;

    private final double[][] referencePoints;

    /**
     * @param referencePoints points on (or near) the unit simplex of the objectives, one row each; their directions
     *     from the origin are what the population spreads along
     */
    public ReferencePointSelection(double[][] referencePoints) {
        if (referencePoints.length == 0) {
            throw new IllegalArgumentException("NSGA-III needs at least one reference point");
        }
        int m = referencePoints[0].length;
        this.referencePoints = new double[referencePoints.length][];
        for (int r = 0; r < referencePoints.length; r++) {
            double[] p = referencePoints[r];
            double norm = 0;
            for (double v : p) {
                if (!(v >= 0) || Double.isInfinite(v)) {
                    throw new IllegalArgumentException("reference point " + Arrays.toString(p) + " has a coordinate"
                            + " that is negative or not finite; use points with coordinates of at least 0");
                }
                norm += v * v;
            }
            if (p.length != m || norm == 0) {
                throw new IllegalArgumentException("reference point " + Arrays.toString(p) + ": every point needs "
                        + m + " coordinates, not all 0");
            }
            this.referencePoints[r] = p.clone();
        }
    }

    /** The number of objectives the reference points are for. */
    public int objectives() {
        return referencePoints[0].length;
    }

    /**
     * Das and Dennis's structured points: every point of the unit simplex in {@code objectives} dimensions whose
     * coordinates are multiples of {@code 1 / divisions}; C(divisions + objectives − 1, objectives − 1) of them.
     */
    public static double[][] dasDennis(int objectives, int divisions) {
        if (objectives < 1 || divisions < 1) {
            throw new IllegalArgumentException("Das-Dennis points need at least 1 objective and 1 division, got "
                    + objectives + " and " + divisions);
        }
        List<double[]> points = new ArrayList<>();
        compose(new int[objectives], 0, divisions, divisions, points);
        return points.toArray(double[][]::new);
    }

    private static void compose(int[] parts, int axis, int left, int divisions, List<double[]> out) {
        if (axis == parts.length - 1) {
            parts[axis] = left;
            double[] p = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                p[i] = (double) parts[i] / divisions;
            }
            out.add(p);
            return;
        }
        for (int k = left; k >= 0; k--) {
            parts[axis] = k;
            compose(parts, axis + 1, left - k, divisions, out);
        }
    }

    /**
     * Chooses {@code count} members of the last front to complete a population.
     *
     * @param selected the minimized objective values of the members already in the population, whole fronts
     * @param lastFront the minimized objective values of the front that does not fit whole
     * @param count how many of {@code lastFront} to take, fewer than its size
     * @return the indices into {@code lastFront} of the members taken, in the order they were taken
     */
    public int[] choose(double[][] selected, double[][] lastFront, int count, SplittableRandom random) {
        int m = objectives();
        double[][] all = new double[selected.length + lastFront.length][];
        System.arraycopy(selected, 0, all, 0, selected.length);
        System.arraycopy(lastFront, 0, all, selected.length, lastFront.length);
        for (double[] f : all) {
            if (f.length != m) {
                throw new IllegalArgumentException("the study has " + f.length + " objectives but the reference"
                        + " points have " + m);
            }
        }
        Association association = associate(all);
        int[] niche = association.niche();
        double[] distance = association.distance();

        int[] members = new int[referencePoints.length];
        for (int s = 0; s < selected.length; s++) {
            members[niche[s]]++;
        }
        List<List<Integer>> candidates = new ArrayList<>();
        for (int r = 0; r < referencePoints.length; r++) {
            candidates.add(new ArrayList<>());
        }
        for (int k = 0; k < lastFront.length; k++) {
            candidates.get(niche[selected.length + k]).add(k);
        }
        boolean[] active = new boolean[referencePoints.length];
        Arrays.fill(active, true);
        int[] taken = new int[count];
        for (int n = 0; n < count; ) {
            int r = leastCrowded(members, active, random);
            List<Integer> pool = candidates.get(r);
            if (pool.isEmpty()) {
                active[r] = false;
                continue;
            }
            int pick;
            if (members[r] == 0) {  // an empty niche takes the member closest to its direction
                pick = 0;
                for (int i = 1; i < pool.size(); i++) {
                    if (distance[selected.length + pool.get(i)] < distance[selected.length + pool.get(pick)]) {
                        pick = i;
                    }
                }
            } else {
                pick = random.nextInt(pool.size());
            }
            taken[n++] = pool.remove(pick);
            members[r]++;
        }
        return taken;
    }

    /** For each point, the index of its nearest reference direction and its perpendicular distance to it. */
    record Association(int[] niche, double[] distance) {
    }

    /** Normalizes the minimized objective values (infinities clipped first) and associates each with a direction. */
    Association associate(double[][] values) {
        double[][] normalized = normalize(clipInfinities(values));
        int[] niche = new int[values.length];
        double[] distance = new double[values.length];
        associate(normalized, niche, distance);
        return new Association(niche, distance);
    }

    /**
     * Infinite values clipped to three times each objective's finite range beyond it, as Optuna does, so that one
     * infinite value does not make every other one 0 after normalization.
     */
    static double[][] clipInfinities(double[][] values) {
        int m = values[0].length;
        double[][] out = new double[values.length][];
        for (int s = 0; s < values.length; s++) {
            out[s] = values[s].clone();
        }
        for (int i = 0; i < m; i++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] f : values) {
                if (Double.isFinite(f[i])) {
                    lo = Math.min(lo, f[i]);
                    hi = Math.max(hi, f[i]);
                }
            }
            if (lo > hi) {  // no finite value: nothing to tell the points apart by
                lo = 0;
                hi = 0;
            }
            double margin = INFINITY_MARGIN * (hi - lo);
            for (double[] f : out) {
                if (!Double.isFinite(f[i])) {
                    f[i] = f[i] > 0 ? hi + margin : lo - margin;
                }
            }
        }
        return out;
    }

    /** An active reference point with the fewest members, ties broken at random. */
    private static int leastCrowded(int[] members, boolean[] active, SplittableRandom random) {
        int fewest = Integer.MAX_VALUE;
        int ties = 0;
        int chosen = -1;
        for (int r = 0; r < members.length; r++) {
            if (!active[r]) {
                continue;
            }
            if (members[r] < fewest) {
                fewest = members[r];
                ties = 1;
                chosen = r;
            } else if (members[r] == fewest && random.nextInt(++ties) == 0) {
                chosen = r;  // reservoir sampling: each tie is kept with equal probability
            }
        }
        return chosen;
    }

    /**
     * Translates by the ideal point and divides by the intercepts of the hyperplane through the extreme points; when
     * those points span no hyperplane with positive intercepts, by each objective's largest translated value.
     */
    static double[][] normalize(double[][] values) {
        int m = values[0].length;
        double[] ideal = new double[m];
        Arrays.fill(ideal, Double.POSITIVE_INFINITY);
        for (double[] f : values) {
            for (int i = 0; i < m; i++) {
                ideal[i] = Math.min(ideal[i], f[i]);
            }
        }
        double[][] translated = new double[values.length][m];
        for (int s = 0; s < values.length; s++) {
            for (int i = 0; i < m; i++) {
                translated[s][i] = values[s][i] - ideal[i];
            }
        }
        double[] intercepts = intercepts(translated, m);
        double[][] out = new double[values.length][m];
        for (int s = 0; s < values.length; s++) {
            for (int i = 0; i < m; i++) {
                out[s][i] = translated[s][i] / intercepts[i];
            }
        }
        return out;
    }

    private static double[] intercepts(double[][] translated, int m) {
        double[][] extreme = new double[m][];
        for (int axis = 0; axis < m; axis++) {
            double best = Double.POSITIVE_INFINITY;
            for (double[] f : translated) {
                double asf = 0;
                for (int i = 0; i < m; i++) {
                    asf = Math.max(asf, f[i] / (i == axis ? 1 : ASF_EPSILON));
                }
                if (asf < best) {
                    best = asf;
                    extreme[axis] = f;
                }
            }
        }
        double[] intercepts = null;
        try {
            RealMatrix e = MatrixUtils.createRealMatrix(extreme);
            RealVector b = new LUDecomposition(e).getSolver().solve(MatrixUtils.createRealVector(filled(m, 1.0)));
            intercepts = new double[m];
            for (int i = 0; i < m; i++) {
                intercepts[i] = 1 / b.getEntry(i);
                if (!(intercepts[i] > 1e-10) || Double.isInfinite(intercepts[i])) {
                    intercepts = null;
                    break;
                }
            }
        } catch (SingularMatrixException singular) {
            intercepts = null;
        }
        if (intercepts == null) {
            intercepts = new double[m];
            for (double[] f : translated) {
                for (int i = 0; i < m; i++) {
                    intercepts[i] = Math.max(intercepts[i], f[i]);
                }
            }
        }
        for (int i = 0; i < m; i++) {
            if (!(intercepts[i] > 1e-10)) {
                intercepts[i] = 1;  // every value equal in this objective: nothing to scale
            }
        }
        return intercepts;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    /** For each point, the nearest reference direction and its perpendicular distance to it. */
    private void associate(double[][] normalized, int[] niche, double[] distance) {
        double[][] directions = new double[referencePoints.length][];
        for (int r = 0; r < referencePoints.length; r++) {
            double[] p = referencePoints[r];
            double norm = Math.sqrt(Arrays.stream(p).map(v -> v * v).sum());
            directions[r] = Arrays.stream(p).map(v -> v / norm).toArray();
        }
        for (int s = 0; s < normalized.length; s++) {
            double[] f = normalized[s];
            double squared = 0;
            for (double v : f) {
                squared += v * v;
            }
            double nearest = Double.POSITIVE_INFINITY;
            for (int r = 0; r < directions.length; r++) {
                double along = 0;
                for (int i = 0; i < f.length; i++) {
                    along += f[i] * directions[r][i];
                }
                double d = Math.sqrt(Math.max(0, squared - along * along));
                if (d < nearest) {
                    nearest = d;
                    niche[s] = r;
                }
            }
            distance[s] = nearest;
        }
    }
}
