package dev.hpo.examples.digits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.classification.MLP;
import smile.math.MathEx;

class ClassifiersTest {

    private static final Digits DIGITS = Digits.load();

    @Test
    void loadsEveryImageWithItsLabel() {
        assertEquals(1797, DIGITS.size());
        assertEquals(64, DIGITS.features()[0].length);
        int[] counts = new int[10];
        for (int label : DIGITS.labels()) {
            counts[label]++;
        }
        assertEquals(178, counts[0]);
        assertEquals(174, counts[8]);
    }

    @Test
    void stratifiedFoldsSplitEveryDigitEvenly() {
        int[] fold = Classifiers.stratifiedFolds(DIGITS.labels(), 5, 1);
        int[][] perFold = new int[5][10];
        for (int i = 0; i < fold.length; i++) {
            perFold[fold[i]][DIGITS.labels()[i]]++;
        }
        for (int f = 0; f < 5; f++) {
            for (int d = 0; d < 10; d++) {
                assertTrue(Math.abs(perFold[f][d] - perFold[0][d]) <= 1, "fold " + f + " digit " + d);
            }
        }
    }

    @Test
    void wellChosenSvmReachesNinetyEightPercent() {
        double accuracy = Classifiers.crossValidatedAccuracy(DIGITS, 5, 1, Classifiers.svm("rbf", 10, 0.25));
        assertTrue(accuracy >= 0.98, "accuracy " + accuracy);
    }

    @Test
    void modelsScoreTheSameWhateverTheThreadsGeneratorHeldBefore() {
        for (Classifiers.Trainer trainer : List.of(Classifiers.svm("laplacian", 203.237, 0.001413),
                Classifiers.randomForest(10, 17, "entropy", 1))) {
            double first = Classifiers.crossValidatedAccuracy(DIGITS, 5, 1, trainer);
            for (int i = 0; i < 1000; i++) {
                MathEx.random();  // what the trainings of earlier trials leave behind on this thread
            }
            assertEquals(first, Classifiers.crossValidatedAccuracy(DIGITS, 5, 1, trainer));
        }
    }

    @Test
    void unknownKernelNamesTheValue() {
        var e = assertThrows(IllegalArgumentException.class, () -> Classifiers.svm("sigmoidal", 1, 1));
        assertTrue(e.getMessage().contains("'sigmoidal'"));
    }

    @Test
    void mlpReportsEveryEpochAndStopsWhenAsked() {
        Digits.Split split = DIGITS.split(0.2, 3);
        int[] epochs = {0};
        double accuracy = DigitsMlp.train(split, 32, 0.05, 0.9, 1e-4, "relu", 20, 1, (epoch, acc) -> {
            epochs[0]++;
            return epoch < 2;
        }).accuracy();
        assertEquals(3, epochs[0]);
        assertTrue(accuracy > 0.5, "accuracy after 3 epochs " + accuracy);
    }

    @Test
    void aSavedNetworkPredictsAsTheTrainedOne(@TempDir Path dir) throws Exception {
        Digits.Split split = DIGITS.split(0.2, 3);
        DigitsMlp.Trained trained = DigitsMlp.train(split, 16, 0.05, 0.9, 1e-4, "tanh", 2, 1, (epoch, acc) -> true);
        MLP loaded = DigitsMlp.load(DigitsMlp.save(trained.network(), dir.resolve("mlp.ser")));
        assertEquals(trained.accuracy(), DigitsMlp.accuracy(loaded, split.validX(), split.validY()));
    }
}
