package dev.hpo.examples.digits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The handwritten digits data set (UCI "Optical Recognition of Handwritten Digits", Alpaydin and Kaynak 1998,
 * CC BY 4.0; see {@code DIGITS-SOURCE.md} beside the CSV): 1,797 images of 8×8 pixel counts in 0..16, scaled
 * here to [0, 1], with their labels 0..9.
 *
 * @param features one row of 64 values per image
 * @param labels the digit of each image
 */
public record Digits(double[][] features, int[] labels) {

    private static final String RESOURCE = "digits.csv";

    /** Loads the copy of the data set shipped in this module. */
    public static Digits load() {
        try (InputStream in = Digits.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Digits parse(InputStream in) throws IOException {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != 65) {
                throw new IllegalArgumentException(RESOURCE + " line " + lineNumber + " has " + cells.length
                        + " cells, expected 64 features and a label");
            }
            double[] x = new double[64];
            for (int j = 0; j < 64; j++) {
                x[j] = Double.parseDouble(cells[j]) / 16.0;
            }
            rows.add(x);
            labels.add(Integer.parseInt(cells[64].trim()));
        }
        return new Digits(rows.toArray(double[][]::new), labels.stream().mapToInt(Integer::intValue).toArray());
    }

    public int size() {
        return labels.length;
    }

    /**
     * A seeded split into a training part and a validation part of {@code validationFraction}, stratified by
     * label so both parts have every digit in proportion.
     */
    public Split split(double validationFraction, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<double[]> trainX = new ArrayList<>();
        List<Integer> trainY = new ArrayList<>();
        List<double[]> validX = new ArrayList<>();
        List<Integer> validY = new ArrayList<>();
        for (int digit = 0; digit <= 9; digit++) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == digit) {
                    idx.add(i);
                }
            }
            for (int i = idx.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = idx.get(i);
                idx.set(i, idx.get(j));
                idx.set(j, t);
            }
            int nValid = (int) Math.round(idx.size() * validationFraction);
            for (int k = 0; k < idx.size(); k++) {
                int i = idx.get(k);
                if (k < nValid) {
                    validX.add(features[i]);
                    validY.add(labels[i]);
                } else {
                    trainX.add(features[i]);
                    trainY.add(labels[i]);
                }
            }
        }
        // Digits were dealt label by label; mini-batch training needs them mixed.
        for (int i = trainX.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double[] x = trainX.get(i);
            trainX.set(i, trainX.get(j));
            trainX.set(j, x);
            int y = trainY.get(i);
            trainY.set(i, trainY.get(j));
            trainY.set(j, y);
        }
        return new Split(trainX.toArray(double[][]::new), trainY.stream().mapToInt(Integer::intValue).toArray(),
                validX.toArray(double[][]::new), validY.stream().mapToInt(Integer::intValue).toArray());
    }

    /** A training and a validation part of the data. */
    public record Split(double[][] trainX, int[] trainY, double[][] validX, int[] validY) {
    }
}
