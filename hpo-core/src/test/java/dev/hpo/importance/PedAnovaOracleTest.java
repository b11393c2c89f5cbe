package dev.hpo.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PED-ANOVA against Optuna 5.0.0's {@code PedAnovaImportanceEvaluator} on the same trials: the expected importances
 * were printed by {@code hpo-bench/optuna/ped_anova_oracle.py} (run with Optuna 5.0.0 and numpy), which builds these
 * studies from the same lists with {@code optuna.create_trial}. A change in the top-trial cut, the regimes of
 * conditional parameters, the Pareto selection, the grid or the Parzen estimator shows here as a number off by far
 * more than the tolerance: 1e-12 relative (hpo is within 4e-15 of Optuna; leaving out or adding the 1e-12 offset of a
 * density moves some numbers by 1e-11).
 */
class PedAnovaOracleTest {

    private static final double[] MIXED_X = {-4.631, -2.384, -1.977, 3.379, -3.331, -1.064, 4.527, -2.32, -4.135,
        -3.383, -4.659, 4.173, 2.454, -4.592, 4.939, 1.494, -3.493, 2.136, 3.482, -4.454, 3.658, 0.167, 0.769, 1.46,
        1.781, 2.479, -0.257, -4.655, -4.687, 2.858, 0.5};
    private static final double[] MIXED_LR = {0.139, 0.000474, 0.568, 0.202, 0.000416, 0.0725, 0.0111, 0.00678,
        0.369, 0.00136, 0.878, 0.0128, 0.0467, 0.348, 0.00116, 0.284, 0.0018, 0.000208, 0.000471, 0.000215, 0.000125,
        0.0482, 0.025, 0.000145, 0.00154, 0.00129, 0.00596, 0.00103, 0.000112, 0.027, 0.01};
    private static final int[] MIXED_DEPTH = {2, 8, 9, 9, 8, 5, 3, 7, 4, 5, 2, 2, 6, 1, 10, 5, 1, 10, 2, 3, 1, 9, 4,
        10, 2, 5, 7, 5, 1, 8, 5};
    private static final String[] MIXED_KERNEL = {"rbf", "linear", "poly", "linear", "poly", "rbf", "linear",
        "linear", "linear", "rbf", "poly", "linear", "linear", "poly", "poly", "rbf", "linear", "rbf", "rbf", "linear",
        "rbf", "poly", "poly", "poly", "linear", "rbf", "linear", "linear", "linear", "linear", "rbf"};
    /** Trials 12 and 25 tie at the default cut; the last value is infinite, so that trial is left out. */
    private static final double[] MIXED_VALUES = {6.7845, 3.0876, 3.5488, 1.9735, 5.3658, 1.3601, 2.6515, 2.6051,
        5.9438, 4.3521, 7.8879, 2.1457, 0.9236, 7.5666, 4.6838, 0.7348, 4.3108, 1.2627, 1.7302, 6.5995, 2.0339, 1.5937,
        1.1301, 1.8939, 0.4657, 0.9236, 0.7334, 6.942, 7.1036, 1.2198, Double.POSITIVE_INFINITY};

    private static final String[] MODEL = {"tree", "tree", "tree", "linear", "linear", "tree", "linear", "tree",
        "linear", "linear", "tree", "linear", "linear", "linear", "linear", "tree", "linear", "tree", "tree", "linear",
        "linear", "tree", "tree", "tree", "tree", "tree", "linear", "linear", "linear", "linear"};
    private static final double[] COND_X = {0.64, 0.599, 0.136, 0.149, 0.148, 0.549, 0.068, 0.966, 0.815, 0.747,
        0.919, 0.666, 0.284, 0.352, 0.16, 0.902, 0.974, 0.709, 0.143, 0.036, 0.984, 0.422, 0.428, 0.48, 0.223, 0.537,
        0.848, 0.066, 0.633, 0.479};
    /** {@code alpha} of each trial with model=linear, in trial order. */
    private static final double[] ALPHA = {0.000732, 0.00486, 0.00465, 9.18e-05, 0.0805, 0.000417, 0.00439, 0.0596,
        0.0241, 0.000172, 0.0305, 0.00101, 0.0608, 1.71e-05, 0.014, 0.0179};
    /** {@code depth} of each trial with model=tree, in trial order. */
    private static final int[] TREE_DEPTH = {8, 10, 5, 11, 4, 3, 3, 3, 12, 2, 3, 4, 8, 10};
    private static final double[] COND_VALUES = {1.34, 1.699, 0.636, 0.1545, 0.2894, 1.849, 0.2016, 1.666, 1.1377,
        1.8366, 1.819, 0.7093, 0.4078, 1.2974, 0.733, 1.802, 1.1493, 1.609, 1.643, 0.6969, 0.984, 1.522, 1.328, 1.18,
        0.923, 1.637, 1.8027, 1.0027, 1.0271, 0.9499};
    private static final int RARE_TRIAL = 5;

    private static final double[] MO_A = {0.061, 0.498, 0.612, 0.127, 0.226, 0.258, 0.495, 0.014, 0.196, 0.552,
        0.617, 0.615, 0.718, 0.201, 0.974, 0.181, 0.815, 0.239, 0.632, 0.507, 0.696, 0.106, 0.24, 0.198, 0.402, 0.6,
        0.393, 0.348, 0.279, 0.076};
    private static final double[] MO_B = {0.559, 0.237, 0.427, 0.496, 0.65, 0.72, 0.624, 0.257, 0.94, 0.887, 0.395,
        0.577, 0.024, 0.064, 0.239, 1.0, 0.734, 0.087, 0.663, 0.082, 0.997, 0.423, 0.289, 0.194, 0.038, 0.272, 0.45,
        0.892, 0.412, 0.127};
    private static final int[] MO_N = {4, 2, 1, 3, 5, 2, 3, 3, 2, 2, 1, 4, 4, 3, 5, 2, 5, 2, 3, 1, 3, 1, 2, 3, 1, 3,
        1, 2, 2, 2};
    private static final String[] MO_C = {"p", "p", "q", "q", "p", "q", "p", "p", "p", "p", "p", "q", "q", "p", "q",
        "q", "q", "p", "q", "q", "q", "p", "q", "p", "q", "p", "p", "p", "p", "p"};
    private static final double[] MO_COST = {0.4731, 0.7115, 0.7484, 0.4567, 0.727, 0.5038, 0.819, 0.3299, 0.4376,
        0.7818, 0.7361, 1.0527, 1.1584, 0.5444, 1.5074, 0.4093, 1.3415, 0.4395, 0.9394, 0.6386, 1.0228, 0.2369, 0.4663,
        0.5288, 0.5281, 0.9031, 0.4969, 0.5712, 0.5228, 0.2975};
    private static final double[] MO_QUALITY = {0.5285, -0.012, 0.321, 0.6325, 0.537, 0.791, 0.3765, 0.25, 0.842,
        0.611, 0.0865, 0.4695, -0.135, -0.0365, -0.048, 1.1095, 0.5265, -0.0325, 0.547, 0.0285, 0.849, 0.37, 0.369,
        0.095, 0.037, -0.028, 0.2535, 0.718, 0.2725, 0.089};

    private static final PedAnovaImportance TARGET_02_REGION_05 =
            PedAnovaImportance.builder().targetQuantile(0.2).regionQuantile(0.5).build();

    @Test
    void mixedSpaceWithDefaultOptions() {
        assertMatches(Map.of("x", 0.8350754000745253, "depth", 0.06338580459841531, "lr", 0.06129967967479913,
                "kernel", 0.040239115652260134, "fixed", 0.0), new PedAnovaImportance().evaluate(mixedStudy()));
    }

    @Test
    void mixedSpaceWithinTheBestHalf() {
        assertMatches(Map.of("depth", 0.5057388133261417, "x", 0.33240354481476597, "lr", 0.14429794749733857,
                "kernel", 0.01755969436175392, "fixed", 0.0), TARGET_02_REGION_05.evaluate(mixedStudy()));
    }

    @Test
    void mixedSpaceAgainstTheUniformDistribution() {
        PedAnovaImportance global = PedAnovaImportance.builder().targetQuantile(0.2).evaluateOnLocal(false).build();
        assertMatches(Map.of("x", 0.6549027966990486, "depth", 0.23014110842379135, "lr", 0.08506984947050453,
                "kernel", 0.029886245406655583, "fixed", 0.0), global.evaluate(mixedStudy()));
    }

    @Test
    void conditionalParametersPerRegime() {
        assertMatches(Map.of("x", 0.7289426344984433, "alpha", 0.23489240766005207, "model", 0.0361649578415046,
                "rare", 0.0, "depth", 0.0), new PedAnovaImportance().evaluate(conditionalStudy()));
    }

    @Test
    void conditionalParametersPerRegimeWithinTheBestHalf() {
        assertMatches(Map.of("x", 0.6634875184549368, "depth", 0.20742842690157473, "alpha", 0.12471987571357399,
                "model", 0.004364178929914428, "rare", 0.0), TARGET_02_REGION_05.evaluate(conditionalStudy()));
    }

    @Test
    void twoObjectivesWithoutTargetRankByParetoFront() {
        assertMatches(Map.of("a", 0.6418125391204905, "b", 0.20862703559973728, "n", 0.14648349789659548,
                "c", 0.0030769273831767145), new PedAnovaImportance().evaluate(twoObjectiveStudy()));
    }

    @Test
    void twoObjectivesWithoutTargetWithinTheBestHalf() {
        assertMatches(Map.of("a", 0.6786065689234092, "n", 0.307640333815327, "b", 0.01285365001576062,
                "c", 0.0008994472455030884), TARGET_02_REGION_05.evaluate(twoObjectiveStudy()));
    }

    @Test
    void twoObjectivesWithATarget() {
        assertMatches(Map.of("a", 0.8710492755581514, "b", 0.08508453253438765, "c", 0.030643982250423255,
                "n", 0.013222209657037727),
                new PedAnovaImportance().evaluate(twoObjectiveStudy(), null, t -> t.values().get(0)));
    }

    static Stream<OptunaImportanceFixture> fixture() {
        return OptunaImportanceFixture.read("ped-anova-oracle.json").stream();
    }

    /**
     * Every case of {@code ped-anova-oracle.json}: the studies above with each set of options and the edge cases
     * (no completed trial, one, every value infinite or equal, a target NaN for some trials, conditional, unknown or
     * no parameters asked for), normalized and raw, with Optuna's numbers, its order and its errors.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixture")
    void answersAsOptuna(OptunaImportanceFixture c) {
        PedAnovaImportance.Builder options = PedAnovaImportance.builder();
        c.options().fields().forEachRemaining(o -> {
            switch (o.getKey()) {
                case "targetQuantile" -> options.targetQuantile(o.getValue().asDouble());
                case "regionQuantile" -> options.regionQuantile(o.getValue().asDouble());
                case "evaluateOnLocal" -> options.evaluateOnLocal(o.getValue().asBoolean());
                default -> throw new IllegalArgumentException("unknown option " + o.getKey());
            }
        });
        PedAnovaImportance evaluator = options.build();
        for (boolean normalize : new boolean[] {true, false}) {
            Map<String, Double> optuna = normalize ? c.normalized() : c.raw();
            if (optuna == null) {
                c.assertRefused(evaluator, normalize);
                continue;
            }
            Map<String, Double> hpo = c.ask(evaluator, normalize);
            assertMatches(optuna, hpo);
            assertEquals(OptunaImportanceFixture.hpoOrder(optuna), List.copyOf(hpo.keySet()),
                    () -> "normalize " + normalize + ": " + hpo);
        }
    }

    static void assertMatches(Map<String, Double> expected, Map<String, Double> actual) {
        assertEquals(expected.keySet(), actual.keySet(), actual::toString);
        expected.forEach((name, value) -> assertEquals(value, actual.get(name), 1e-12 * Math.abs(value),
                () -> name + " in " + actual));
        List<String> nonZero = actual.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .toList();
        assertTrue(nonZero.stream().allMatch(n -> expected.get(n) > 0), actual::toString);
    }

    static Study mixedStudy() {
        Study study = Study.builder().build();
        for (int i = 0; i < MIXED_VALUES.length; i++) {
            study.addTrial(FrozenTrial.builder()
                    .param("x", MIXED_X[i], FloatDistribution.of(-5, 5))
                    .param("lr", MIXED_LR[i], FloatDistribution.log(1e-4, 1))
                    .param("depth", MIXED_DEPTH[i], IntDistribution.of(1, 10))
                    .param("kernel", MIXED_KERNEL[i], CategoricalDistribution.of(List.of("rbf", "linear", "poly")))
                    .param("fixed", 2.0, FloatDistribution.of(2, 2))
                    .value(MIXED_VALUES[i]).build());
        }
        return study;
    }

    static Study conditionalStudy() {
        Study study = Study.builder().build();
        int linear = 0;
        int tree = 0;
        for (int i = 0; i < COND_VALUES.length; i++) {
            FrozenTrial.Builder trial = FrozenTrial.builder()
                    .param("model", MODEL[i], CategoricalDistribution.of(List.of("linear", "tree")))
                    .param("x", COND_X[i], FloatDistribution.of(0, 1));
            if (MODEL[i].equals("linear")) {
                trial.param("alpha", ALPHA[linear++], FloatDistribution.log(1e-5, 1e-1));
            } else {
                trial.param("depth", TREE_DEPTH[tree++], IntDistribution.of(2, 12));
            }
            if (i == RARE_TRIAL) {
                trial.param("rare", 0.5, FloatDistribution.of(0, 1));
            }
            study.addTrial(trial.value(COND_VALUES[i]).build());
        }
        return study;
    }

    static Study twoObjectiveStudy() {
        Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MAXIMIZE).build();
        for (int i = 0; i < MO_A.length; i++) {
            study.addTrial(FrozenTrial.builder()
                    .param("a", MO_A[i], FloatDistribution.of(0, 1))
                    .param("b", MO_B[i], FloatDistribution.of(0, 1))
                    .param("n", MO_N[i], IntDistribution.of(1, 5))
                    .param("c", MO_C[i], CategoricalDistribution.of(List.of("p", "q")))
                    .values(MO_COST[i], MO_QUALITY[i]).build());
        }
        return study;
    }
}
