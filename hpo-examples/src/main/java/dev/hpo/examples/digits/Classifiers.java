package dev.hpo.examples.digits;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import smile.base.cart.SplitRule;
import smile.classification.LogisticRegression;
import smile.classification.OneVersusOne;
import smile.classification.RandomForest;
import smile.classification.SVM;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.data.vector.IntVector;
import smile.math.MathEx;
import smile.math.kernel.GaussianKernel;
import smile.math.kernel.LaplacianKernel;
import smile.math.kernel.LinearKernel;
import smile.math.kernel.MercerKernel;

/**
 * The three model families the model-selection example chooses among, trained with smile, and a seeded
 * stratified k-fold cross-validation to score them. Folds are fixed by the seed, so every trial of a study is
 * scored on the same folds and scores compare fairly.
 */
public final class Classifiers {

    /** Trains a model on rows and labels. */
    @FunctionalInterface
    public interface Trainer {
        Predictor fit(double[][] x, int[] y);
    }

    /** Predicts labels of rows. */
    @FunctionalInterface
    public interface Predictor {
        int[] predict(double[][] x);
    }

    private static final String LABEL = "digit";

    private Classifiers() {
    }

    /**
     * A support vector machine, one-versus-one over the ten digits.
     *
     * @param kernel {@code rbf} (exp(-γ‖x−y‖²)), {@code laplacian} (exp(-γ‖x−y‖)) or {@code linear}
     */
    public static Trainer svm(String kernel, double c, double gamma) {
        MercerKernel<double[]> k = switch (kernel.toLowerCase(Locale.ROOT)) {
            case "rbf" -> new GaussianKernel(Math.sqrt(1 / (2 * gamma)));
            case "laplacian" -> new LaplacianKernel(1 / gamma);
            case "linear" -> new LinearKernel();
            default -> throw new IllegalArgumentException("unknown SVM kernel '" + kernel + "'; use rbf, laplacian or linear");
        };
        return (x, y) -> {
            OneVersusOne<double[]> model = OneVersusOne.fit(x, y, (xs, ys) -> {
                // smile trains the pairs on parallel threads and LASVM shuffles with the running thread's generator;
                // seeding it from the pair's own data makes a score independent of which thread ran which pair
                MathEx.setSeed(31L * Arrays.hashCode(ys) + xs.length);
                return SVM.fit(xs, ys, k, c, 1e-3);
            });
            return rows -> predictEach(rows, model::predict);
        };
    }

    /** A random forest of {@code trees} trees of at most {@code maxDepth} levels, seeded. */
    public static Trainer randomForest(int trees, int maxDepth, String splitRule, long seed) {
        SplitRule rule = SplitRule.valueOf(splitRule.toUpperCase(Locale.ROOT));
        return (x, y) -> {
            DataFrame train = frame(x).merge(IntVector.of(LABEL, y));
            int mtry = (int) Math.floor(Math.sqrt(x[0].length));
            RandomForest model = RandomForest.fit(Formula.lhs(LABEL), train, trees, mtry, rule, maxDepth,
                    x.length, 1, 1.0, null,
                    // smile seeds a tree's generator only with a seed above 1, else the tree draws from whatever
                    // its thread's generator holds: every tree's seed is kept above 1, for any seed
                    LongStream.range(0, trees).map(t -> Math.floorMod(seed, 1L << 40) * trees + t + 2));
            return rows -> {
                DataFrame test = frame(rows);
                int[] out = new int[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    out[i] = model.predict(test.get(i));
                }
                return out;
            };
        };
    }

    /** Multinomial logistic regression with L2 penalty {@code lambda}. */
    public static Trainer logisticRegression(double lambda) {
        return (x, y) -> {
            LogisticRegression model = LogisticRegression.fit(x, y, lambda, 1e-5, 500);
            return rows -> predictEach(rows, model::predict);
        };
    }

    /** Mean accuracy over {@code folds} stratified folds fixed by {@code seed}. */
    public static double crossValidatedAccuracy(Digits data, int folds, long seed, Trainer trainer) {
        int[] fold = stratifiedFolds(data.labels(), folds, seed);
        double sum = 0;
        for (int f = 0; f < folds; f++) {
            List<double[]> trainX = new ArrayList<>();
            List<Integer> trainY = new ArrayList<>();
            List<double[]> testX = new ArrayList<>();
            List<Integer> testY = new ArrayList<>();
            for (int i = 0; i < fold.length; i++) {
                (fold[i] == f ? testX : trainX).add(data.features()[i]);
                (fold[i] == f ? testY : trainY).add(data.labels()[i]);
            }
            Predictor model = trainer.fit(trainX.toArray(double[][]::new),
                    trainY.stream().mapToInt(Integer::intValue).toArray());
            int[] predicted = model.predict(testX.toArray(double[][]::new));
            int correct = 0;
            for (int i = 0; i < predicted.length; i++) {
                if (predicted[i] == testY.get(i)) {
                    correct++;
                }
            }
            sum += (double) correct / predicted.length;
        }
        return sum / folds;
    }

    /** Fold number of every row: each label's rows are shuffled and dealt round-robin to the folds. */
    static int[] stratifiedFolds(int[] labels, int folds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] fold = new int[labels.length];
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, l);
        }
        for (int label = 0; label <= max; label++) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == label) {
                    rows.add(i);
                }
            }
            for (int i = rows.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = rows.get(i);
                rows.set(i, rows.get(j));
                rows.set(j, t);
            }
            for (int k = 0; k < rows.size(); k++) {
                fold[rows.get(k)] = k % folds;
            }
        }
        return fold;
    }

    private static DataFrame frame(double[][] x) {
        String[] names = new String[x[0].length];
        for (int j = 0; j < names.length; j++) {
            names[j] = "p" + j;
        }
        return DataFrame.of(x, names);
    }

    private interface RowPredictor {
        int predict(double[] row);
    }

    private static int[] predictEach(double[][] rows, RowPredictor model) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = model.predict(rows[i]);
        }
        return out;
    }
}
