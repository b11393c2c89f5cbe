package dev.hpo.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The functional ANOVA decomposition of one regression tree under the uniform measure on the search space
 * (Hutter, Hoos and Leyton-Brown, "An Efficient Approach for Assessing Hyperparameter Importance", ICML 2014).
 *
 * <p>A tree is constant on each leaf's box. Cutting every feature at all thresholds the tree uses gives,
 * per feature, a set of cells; each leaf allows some cells of each feature. With {@code w_f(c)} the fraction
 * of feature {@code f}'s domain covered by cell {@code c} and {@code vol_f(ℓ)} the sum of {@code w_f} over the
 * cells leaf {@code ℓ} allows:
 * <ul>
 * <li>the mean is {@code f̂_∅ = Σ_ℓ vol(ℓ)·y_ℓ} with {@code vol(ℓ) = Π_f vol_f(ℓ)};</li>
 * <li>the total variance is {@code V = Σ_ℓ vol(ℓ)·(y_ℓ − f̂_∅)²};</li>
 * <li>the marginal of feature {@code i} on cell {@code c} is {@code a_i(c) = Σ_{ℓ ∋ c} y_ℓ·Π_{f≠i} vol_f(ℓ)};</li>
 * <li>its main-effect variance is {@code V_i = Σ_c w_i(c)·(a_i(c) − f̂_∅)²}, and the importance is
 * {@code V_i / V}.</li>
 * </ul>
 */
final class FunctionalAnova {

    private final FeatureDomain[] domains;
    /** Per feature: for a numeric one the cell boundaries (low, thresholds..., high); null for a nominal one. */
    private final double[][] bounds;
    /** Per feature: the width of each cell as a fraction of the domain. */
    private final double[][] widths;
    private final List<boolean[][]> leafMasks = new ArrayList<>();
    private final List<Double> leafValues = new ArrayList<>();

    private FunctionalAnova(PartitionNode root, FeatureDomain[] domains) {
        this.domains = domains;
        this.bounds = new double[domains.length][];
        this.widths = new double[domains.length][];
        List<TreeSet<Double>> thresholds = new ArrayList<>();
        for (int f = 0; f < domains.length; f++) {
            thresholds.add(new TreeSet<>());
        }
        collectThresholds(root, thresholds);
        for (int f = 0; f < domains.length; f++) {
            FeatureDomain d = domains[f];
            if (d.nominal()) {
                widths[f] = new double[d.categories()];
                Arrays.fill(widths[f], 1.0 / d.categories());
                continue;
            }
            double[] b = new double[thresholds.get(f).size() + 2];
            int k = 0;
            b[k++] = d.low();
            for (double t : thresholds.get(f)) {
                b[k++] = t;
            }
            b[k] = d.high();
            bounds[f] = b;
            widths[f] = new double[b.length - 1];
            for (int c = 0; c < widths[f].length; c++) {
                widths[f][c] = (b[c + 1] - b[c]) / (d.high() - d.low());
            }
        }
        boolean[][] all = new boolean[domains.length][];
        for (int f = 0; f < domains.length; f++) {
            all[f] = new boolean[widths[f].length];
            Arrays.fill(all[f], true);
        }
        collectLeaves(root, all);
    }

    /**
     * The fraction of the tree's variance explained by each feature's main effect, or {@code null} when the
     * tree is constant over the domain (it then says nothing about importance).
     */
    static double[] varianceFractions(PartitionNode root, FeatureDomain[] domains) {
        return new FunctionalAnova(root, domains).fractions();
    }

    private void collectThresholds(PartitionNode node, List<TreeSet<Double>> out) {
        if (node instanceof PartitionNode.Split s) {
            FeatureDomain d = domains[s.feature()];
            if (!d.nominal() && s.threshold() > d.low() && s.threshold() < d.high()) {
                out.get(s.feature()).add(s.threshold());
            }
            collectThresholds(s.left(), out);
            collectThresholds(s.right(), out);
        }
    }

    private void collectLeaves(PartitionNode node, boolean[][] masks) {
        if (node instanceof PartitionNode.Leaf leaf) {
            leafMasks.add(masks);
            leafValues.add(leaf.value());
            return;
        }
        PartitionNode.Split s = (PartitionNode.Split) node;
        int f = s.feature();
        boolean[] left = masks[f].clone();
        boolean[] right = masks[f].clone();
        for (int c = 0; c < left.length; c++) {
            boolean goesLeft = domains[f].nominal() ? c == s.category() : bounds[f][c + 1] <= s.threshold();
            if (goesLeft) {
                right[c] = false;
            } else {
                left[c] = false;
            }
        }
        collectLeaves(s.left(), replace(masks, f, left));
        collectLeaves(s.right(), replace(masks, f, right));
    }

    private static boolean[][] replace(boolean[][] masks, int f, boolean[] mask) {
        boolean[][] copy = masks.clone();
        copy[f] = mask;
        return copy;
    }

    private double[] fractions() {
        int leaves = leafValues.size();
        int p = domains.length;
        double[][] vol = new double[leaves][p];
        double[] total = new double[leaves];
        double mean = 0;
        for (int l = 0; l < leaves; l++) {
            total[l] = 1;
            for (int f = 0; f < p; f++) {
                double v = 0;
                boolean[] m = leafMasks.get(l)[f];
                for (int c = 0; c < m.length; c++) {
                    if (m[c]) {
                        v += widths[f][c];
                    }
                }
                vol[l][f] = v;
                total[l] *= v;
            }
            mean += total[l] * leafValues.get(l);
        }
        double variance = 0;
        for (int l = 0; l < leaves; l++) {
            double dev = leafValues.get(l) - mean;
            variance += total[l] * dev * dev;
        }
        if (!(variance > 1e-300)) {
            return null;
        }
        double[] out = new double[p];
        for (int i = 0; i < p; i++) {
            double[] marginal = new double[widths[i].length];
            for (int l = 0; l < leaves; l++) {
                if (vol[l][i] == 0) {
                    continue;
                }
                double others = total[l] / vol[l][i];
                boolean[] m = leafMasks.get(l)[i];
                for (int c = 0; c < m.length; c++) {
                    if (m[c]) {
                        marginal[c] += leafValues.get(l) * others;
                    }
                }
            }
            double vi = 0;
            for (int c = 0; c < marginal.length; c++) {
                double dev = marginal[c] - mean;
                vi += widths[i][c] * dev * dev;
            }
            out[i] = vi / variance;
        }
        return out;
    }
}
