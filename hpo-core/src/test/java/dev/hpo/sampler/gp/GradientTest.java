package dev.hpo.sampler.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hpo.sampler.UnitSpace;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GradientTest {

    private static final boolean[] MIXED = {false, false, true};

    private static double[][] points(SplittableRandom r, int n) {
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {r.nextDouble(), r.nextDouble(), r.nextInt(3)};
        }
        return x;
    }

    private static double[] targets(double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(5 * x[i][0]) + x[i][1] * x[i][1] + 0.3 * x[i][2];
        }
        return y;
    }

    @Test
    void marginalLikelihoodGradientMatchesFiniteDifferences() {
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = points(r, 15);
        HyperparameterFit fit = new HyperparameterFit(new Matern52(MIXED), x, targets(x));
        double[] theta = {Math.log(0.3), Math.log(0.7), Math.log(1.5), 0.2, Math.log(1e-3)};
        double[] grad = new double[theta.length];
        fit.negativeLogPosterior(theta, grad);
        for (int j = 0; j < theta.length; j++) {
            double h = 1e-5;
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[j] += h;
            minus[j] -= h;
            double[] ignored = new double[theta.length];
            double numeric = (fit.negativeLogPosterior(plus, ignored) - fit.negativeLogPosterior(minus, ignored)) / (2 * h);
            assertEquals(numeric, grad[j], 1e-4 * Math.max(1, Math.abs(numeric)), "θ" + j);
        }
    }

    @Test
    void logEiGradientMatchesFiniteDifferences() {
        Map<String, Distribution> space = twoFloatsAndAChoice();
        GpModel model = new GpModel(new UnitSpace(space));
        SplittableRandom r = new SplittableRandom(5);
        double[][] x = points(r, 12);
        double[] y = targets(x);
        GpModel.Posterior post = model.condition(x, y, List.of(),
                new GpModel.Hyperparameters(new double[] {Math.log(0.3), Math.log(0.5), 0.0, 0.0, Math.log(1e-4)}));
        double[] p = {0.37, 0.81, 1};
        double[] grad = new double[3];
        post.logEi(p, grad);
        assertContinuousGradient(post::logEi, p, grad, 2);
    }

    @Test
    void logEhviGradientMatchesFiniteDifferences() {
        Map<String, Distribution> space = twoFloatsAndAChoice();
        GpModel model = new GpModel(new UnitSpace(space));
        SplittableRandom r = new SplittableRandom(7);
        double[][] x = points(r, 14);
        double[] first = targets(x);
        double[] second = new double[x.length];
        double[] constraint = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            second[i] = Math.cos(4 * x[i][1]) - x[i][0];
            constraint[i] = x[i][0] - 0.6;
        }
        GpModel.Hyperparameters h = new GpModel.Hyperparameters(
                new double[] {Math.log(0.3), Math.log(0.5), 0.0, 0.0, Math.log(1e-4)});
        LogEhviAcquisition acquisition = new LogEhviAcquisition(new UnitSpace(space),
                List.of(model.condition(x, first, List.of(), h), model.condition(x, second, List.of(), h)),
                java.util.stream.IntStream.range(0, x.length).mapToObj(i -> new double[] {first[i], second[i]})
                        .toArray(double[][]::new),
                List.of(model.condition(x, constraint, List.of(), h)), new SplittableRandom(1));
        double[] p = {0.37, 0.81, 1};
        double[] grad = new double[3];
        acquisition.value(p, grad);
        assertContinuousGradient(acquisition::at, p, grad, 2);
    }

    private static Map<String, Distribution> twoFloatsAndAChoice() {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("a", FloatDistribution.of(0, 1));
        space.put("b", FloatDistribution.of(0, 1));
        space.put("c", CategoricalDistribution.of(List.of("p", "q", "r")));
        return space;
    }

    /** The first {@code continuous} entries of {@code grad} against central differences of f at p. */
    private static void assertContinuousGradient(ToDoubleFunction<double[]> f, double[] p,
            double[] grad, int continuous) {
        for (int d = 0; d < continuous; d++) {
            double h = 1e-6;
            double[] plus = p.clone();
            double[] minus = p.clone();
            plus[d] += h;
            minus[d] -= h;
            double numeric = (f.applyAsDouble(plus) - f.applyAsDouble(minus)) / (2 * h);
            assertEquals(numeric, grad[d], 1e-4 * Math.max(1, Math.abs(numeric)), "x" + d);
        }
    }
}
