package dev.hpo.examples.digits;

import dev.hpo.Direction;
import dev.hpo.Trial;
import dev.hpo.TrialPruned;
import dev.hpo.artifact.ArtifactStore;
import dev.hpo.artifact.Artifacts;
import dev.hpo.junit.Choice;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.IntRange;
import dev.hpo.junit.LogFloat;
import dev.hpo.junit.Objective;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worked examples: two studies on the handwritten digits data.
 *
 * <p>{@code modelSelection} chooses the classifier and its own hyperparameters in one conditional space (the
 * SVM's C and γ on log scales and its kernel, the random forest's size, depth and split rule, the logistic
 * regression's penalty), scored by 5-fold cross-validated accuracy. {@code mlp} trains a perceptron epoch by
 * epoch and reports validation accuracy after each epoch, so that the median pruner stops weak trials early; each
 * network it finishes is uploaded as an artifact, so the best one leaves the build as {@code target/hpo/best/
 * DigitsTuningTest.mlp/mlp.ser} ({@code DigitsMlp.load} reads it).
 *
 * <p>Under {@code mvn test} each objective runs once (smoke mode); {@code mvn hpo:optimize} runs the studies.
 */
class DigitsTuningTest {

    private static final Digits DIGITS = Digits.load();
    private static final Digits.Split HOLD_OUT = DIGITS.split(0.2, 42);
    private static final int FOLDS = 5;
    private static final long FOLD_SEED = 1;

    @Objective(direction = Direction.MAXIMIZE, trials = 40, threshold = 0.98, seed = 7, metric = "5-fold CV accuracy")
    double modelSelection(@Choice({"svm", "random-forest", "logistic-regression"}) String classifier, Trial trial) {
        Classifiers.Trainer trainer = switch (classifier) {
            case "svm" -> {
                String kernel = trial.suggestCategorical("svm.kernel", List.of("rbf", "laplacian", "linear"));
                double c = trial.suggestFloat("svm.c", 1e-2, 1e3, true);
                double gamma = kernel.equals("linear") ? 0 : trial.suggestFloat("svm.gamma", 1e-3, 10, true);
                yield Classifiers.svm(kernel, c, gamma);
            }
            case "random-forest" -> Classifiers.randomForest(
                    trial.suggestInt("rf.trees", 10, 200, true),
                    trial.suggestInt("rf.maxDepth", 2, 32),
                    trial.suggestCategorical("rf.splitRule", List.of("gini", "entropy")),
                    FOLD_SEED);
            default -> Classifiers.logisticRegression(trial.suggestFloat("lr.lambda", 1e-4, 10, true));
        };
        return Classifiers.crossValidatedAccuracy(DIGITS, FOLDS, FOLD_SEED, trainer);
    }

    @Objective(direction = Direction.MAXIMIZE, trials = 30, threshold = 0.95, seed = 11, pruner = "median",
            metric = "validation accuracy")
    double mlp(@IntRange(min = 16, max = 128, log = true) int hiddenUnits,
               @LogFloat(min = 1e-3, max = 0.5) double learningRate,
               @FloatRange(min = 0.0, max = 0.95) double momentum,
               @LogFloat(min = 1e-6, max = 1e-2) double weightDecay,
               @Choice({"relu", "tanh", "sigmoid"}) String activation,
               Trial trial, ArtifactStore artifacts, @TempDir Path dir) throws IOException {
        DigitsMlp.Trained trained = DigitsMlp.train(HOLD_OUT, hiddenUnits, learningRate, momentum, weightDecay,
                activation, 12, 1, (epoch, accuracy) -> {
                    trial.report(epoch, accuracy);
                    if (trial.shouldPrune()) {
                        throw new TrialPruned("pruned after epoch " + epoch + " at accuracy " + accuracy);
                    }
                    return true;
                });
        // the trained network goes with the trial (the trial's own directory is deleted after it); the goal copies the
        // best one to target/hpo/best/
        Path file = DigitsMlp.save(trained.network(), dir.resolve("mlp.ser"));
        Artifacts.upload(trial, file, artifacts);
        return trained.accuracy();
    }
}
