package dev.hpo.sampler.gp;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Minimizes a smooth function inside a box with a projected limited-memory BFGS method (Nocedal 1980 for the
 * two-loop recursion; bounds handled as in projected-gradient methods: variables held at a bound by their
 * gradient are frozen for the step, trial points are projected back into the box, and the Armijo condition is
 * checked along the projected path). Used for the GP's marginal likelihood and to refine acquisition maxima;
 * commons-math3 has no bounded quasi-Newton method.
 */
final class BoxLbfgs {

    /** A function with its gradient: returns f(x) and writes ∇f(x) into {@code grad}. */
    interface Objective {
        double valueAndGradient(double[] x, double[] grad);
    }

    private static final int MEMORY = 8;

    private BoxLbfgs() {
    }

    /**
     * Minimizes {@code f} from {@code x0} within {@code [lower, upper]} for at most {@code maxIterations}
     * iterations; returns the best point found (x0 is not modified). {@code maxStep} caps the infinity norm of
     * the first step, before curvature is known.
     */
    static double[] minimize(Objective f, double[] x0, double[] lower, double[] upper, int maxIterations,
            double maxStep) {
        int n = x0.length;
        double[] x = project(x0.clone(), lower, upper);
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        Deque<double[][]> history = new ArrayDeque<>();
        for (int iter = 0; iter < maxIterations; iter++) {
            boolean[] free = freeVariables(x, g, lower, upper);
            double[] d = direction(g, free, history);
            double slope = dot(g, d);
            if (!(slope < 0)) {
                d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = free[i] ? -g[i] : 0;
                }
                slope = dot(g, d);
                if (!(slope < 0)) {
                    break;
                }
            }
            double t = 1.0;
            if (history.isEmpty()) {
                double norm = 0;
                for (double e : d) {
                    norm = Math.max(norm, Math.abs(e));
                }
                t = norm > maxStep ? maxStep / norm : 1.0;
            }
            double[] xn = null;
            double[] gn = new double[n];
            double fn = Double.NaN;
            for (int ls = 0; ls < 25; ls++) {
                double[] trial = new double[n];
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] + t * d[i];
                }
                project(trial, lower, upper);
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    decrease += g[i] * (trial[i] - x[i]);
                }
                double ft = f.valueAndGradient(trial, gn);
                if (Double.isFinite(ft) && ft <= fx + 1e-4 * decrease) {
                    xn = trial;
                    fn = ft;
                    break;
                }
                t *= 0.5;
            }
            if (xn == null) {
                break;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xn[i] - x[i];
                y[i] = gn[i] - g[i];
            }
            if (dot(s, y) > 1e-12) {
                history.addLast(new double[][] {s, y});
                if (history.size() > MEMORY) {
                    history.removeFirst();
                }
            }
            double change = fx - fn;
            x = xn;
            g = gn.clone();
            fx = fn;
            if (change <= 1e-10 * Math.max(1.0, Math.abs(fx)) || projectedGradientNorm(x, g, lower, upper) < 1e-7) {
                break;
            }
        }
        return x;
    }

    private static boolean[] freeVariables(double[] x, double[] g, double[] lower, double[] upper) {
        boolean[] free = new boolean[x.length];
        for (int i = 0; i < x.length; i++) {
            free[i] = !(x[i] <= lower[i] && g[i] > 0) && !(x[i] >= upper[i] && g[i] < 0);
        }
        return free;
    }

    /** The two-loop recursion on the free variables: d = -H g. */
    private static double[] direction(double[] g, boolean[] free, Deque<double[][]> history) {
        int n = g.length;
        double[] q = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = free[i] ? g[i] : 0;
        }
        double[][][] pairs = history.toArray(new double[0][][]);
        double[] a = new double[pairs.length];
        double[] rho = new double[pairs.length];
        for (int k = pairs.length - 1; k >= 0; k--) {
            rho[k] = 1.0 / maskedDot(pairs[k][0], pairs[k][1], free);
            a[k] = rho[k] * maskedDot(pairs[k][0], q, free);
            for (int i = 0; i < n; i++) {
                if (free[i]) {
                    q[i] -= a[k] * pairs[k][1][i];
                }
            }
        }
        if (pairs.length > 0) {
            double[][] last = pairs[pairs.length - 1];
            double gamma = maskedDot(last[0], last[1], free) / maskedDot(last[1], last[1], free);
            if (Double.isFinite(gamma) && gamma > 0) {
                for (int i = 0; i < n; i++) {
                    q[i] *= gamma;
                }
            }
        }
        for (int k = 0; k < pairs.length; k++) {
            double b = rho[k] * maskedDot(pairs[k][1], q, free);
            for (int i = 0; i < n; i++) {
                if (free[i]) {
                    q[i] += (a[k] - b) * pairs[k][0][i];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            q[i] = free[i] && Double.isFinite(q[i]) ? -q[i] : 0;
        }
        return q;
    }

    private static double projectedGradientNorm(double[] x, double[] g, double[] lower, double[] upper) {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            double p = Math.min(upper[i], Math.max(lower[i], x[i] - g[i])) - x[i];
            m = Math.max(m, Math.abs(p));
        }
        return m;
    }

    private static double[] project(double[] x, double[] lower, double[] upper) {
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
        return x;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double maskedDot(double[] a, double[] b, boolean[] mask) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            if (mask[i]) {
                s += a[i] * b[i];
            }
        }
        return s;
    }
}
