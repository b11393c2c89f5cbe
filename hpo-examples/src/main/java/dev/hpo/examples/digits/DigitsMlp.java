package dev.hpo.examples.digits;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** The trained network and its validation accuracy after the last epoch it ran. */
    public record Trained(MLP network, double accuracy) {
    }

    private static final int BATCH = 32;

    private DigitsMlp() {
    }

    /**
     * Trains for at most {@code epochs} epochs and returns the network with its last validation accuracy.
     *
     * @param activation {@code relu}, {@code tanh}, {@code sigmoid} or {@code leaky}
     */
    public static Trained train(Digits.Split data, int hiddenUnits, double learningRate, double momentum,
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
        return new Trained(mlp, accuracy);
    }

    /** Writes the network with Java serialization (smile's models are {@link java.io.Serializable}). */
    public static Path save(MLP network, Path file) throws IOException {
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(file))) {
            out.writeObject(network);
        }
        return file;
    }

    /** Reads a network {@link #save} wrote. */
    public static MLP load(Path file) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(file))) {
            return (MLP) in.readObject();
        }
    }

    /** The share of {@code x} the network labels as {@code y}. */
    public static double accuracy(MLP mlp, double[][] x, int[] y) {
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            if (mlp.predict(x[i]) == y[i]) {
                correct++;
            }
        }
        return (double) correct / x.length;
    }
}
