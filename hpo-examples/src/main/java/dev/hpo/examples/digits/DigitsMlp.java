package dev.hpo.examples.digits;

import java.util.Arrays;
import java.util.Locale;
import smile.base.mlp.HiddenLayerBuilder;
import smile.base.mlp.Layer;
import smile.base.mlp.OutputFunction;
import smile.classification.MLP;
import smile.math.MathEx;
import smile.math.TimeFunction;

/**
 * A one-hidden-layer perceptron trained epoch by epoch with mini-batch SGD (smile's {@link MLP}), reporting
 * validation accuracy after every epoch so that a pruner can stop a weak configuration early.
 */
public final class DigitsMlp {

    /** Receives the validation accuracy after each epoch; returns false to stop training. */
    @FunctionalInterface
    public interface EpochListener {
        boolean afterEpoch(int epoch, double validationAccuracy);
    }

    private static final int BATCH = 32;

    private DigitsMlp() {
    }

    /**
     * Trains for at most {@code epochs} epochs and returns the last validation accuracy.
     *
     * @param activation {@code relu}, {@code tanh}, {@code sigmoid} or {@code leaky}
     */
    public static double train(Digits.Split data, int hiddenUnits, double learningRate, double momentum,
            double weightDecay, String activation, int epochs, long seed, EpochListener listener) {
        MathEx.setSeed(seed);
        HiddenLayerBuilder hidden = switch (activation.toLowerCase(Locale.ROOT)) {
            case "relu" -> Layer.rectifier(hiddenUnits);
            case "tanh" -> Layer.tanh(hiddenUnits);
            case "sigmoid" -> Layer.sigmoid(hiddenUnits);
            case "leaky" -> Layer.leaky(hiddenUnits);
            default -> throw new IllegalArgumentException("unknown activation '" + activation
                    + "'; use relu, tanh, sigmoid or leaky");
        };
        MLP mlp = new MLP(Layer.input(data.trainX()[0].length), hidden, Layer.mle(10, OutputFunction.SOFTMAX));
        mlp.setLearningRate(TimeFunction.constant(learningRate));
        mlp.setMomentum(TimeFunction.constant(momentum));
        mlp.setWeightDecay(weightDecay);
        double accuracy = 0;
        int n = data.trainX().length;
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = 0; i < n; i += BATCH) {
                int end = Math.min(n, i + BATCH);
                mlp.update(Arrays.copyOfRange(data.trainX(), i, end), Arrays.copyOfRange(data.trainY(), i, end));
            }
            accuracy = accuracy(mlp, data.validX(), data.validY());
            if (!listener.afterEpoch(epoch, accuracy)) {
                break;
            }
        }
        return accuracy;
    }

    private static double accuracy(MLP mlp, double[][] x, int[] y) {
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            if (mlp.predict(x[i]) == y[i]) {
                correct++;
            }
        }
        return (double) correct / x.length;
    }
}
