package dev.hpo.importance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import smile.base.cart.CART;
import smile.base.cart.InternalNode;
import smile.base.cart.Loss;
import smile.base.cart.NominalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.measure.NominalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.data.vector.BaseVector;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.regression.RegressionTree;

/**
 * A random forest of smile {@link RegressionTree}s that predicts the target from the parameters, as the surrogate of
 * {@link FanovaImportance} and {@link MeanDecreaseImpurityImportance}, configured as the scikit-learn forest Optuna
 * fits: each tree on a bootstrap sample of the trials (n draws with replacement), every feature tried at every split,
 * leaves down to one trial, no limit on the number of leaves. Numeric parameters are features in their
 * {@link FeatureDomain} coordinates (log space for log parameters), categorical ones are nominal features.
 *
 * <p>Each tree sees the features in its own random order. When every feature is tried, smile keeps the first of
 * equally good splits in column order, so that a parameter early in the alphabet would win every tie (two trials in a
 * node are separated as well by any parameter); scikit-learn visits the features in a random order at each node.
 */
final class ForestSurrogate {

    private final List<Tree> trees;
    private final FeatureDomain[] domains;

    /**
     * One fitted tree and the order it saw the features in.
     *
     * @param features the parameter index of each of the tree's columns
     * @param schema the tree's columns, to ask its nodes where a point goes
     */
    private record Tree(RegressionTree tree, int[] features, StructType schema) {
    }

    private ForestSurrogate(List<Tree> trees, FeatureDomain[] domains) {
        this.trees = trees;
        this.domains = domains;
    }

    /** Fits the forest on the input's trials; needs at least two trials. */
    static ForestSurrogate fit(ImportanceInput input, int trees, int maxDepth, long seed) {
        int p = input.varying().size();
        FeatureDomain[] domains = new FeatureDomain[p];
        BaseVector<?, ?, ?>[] columns = new BaseVector<?, ?, ?>[p];
        for (int f = 0; f < p; f++) {
            domains[f] = FeatureDomain.of(input.distributions().get(input.varying().get(f)));
            columns[f] = column("x" + f, domains[f], input.column(input.varying().get(f)));
        }
        DataFrame x = DataFrame.of(columns);
        double[] y = input.targets().clone();
        StructField response = new StructField("y", DataTypes.DoubleType);
        long[] treeSeeds = new SplittableRandom(seed).longs(trees).toArray();
        List<Tree> fitted = IntStream.range(0, trees).parallel()
                .mapToObj(t -> grow(x, y, response, maxDepth, new SplittableRandom(treeSeeds[t])))
                .toList();
        return new ForestSurrogate(fitted, domains);
    }

    private static BaseVector<?, ?, ?> column(String name, FeatureDomain domain, double[] internal) {
        if (domain.nominal()) {
            String[] labels = new String[domain.categories()];
            for (int c = 0; c < labels.length; c++) {
                labels[c] = "c" + c;
            }
            StructField field = new StructField(name, DataTypes.IntegerType, new NominalScale(labels));
            int[] codes = new int[internal.length];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = (int) internal[i];
            }
            return IntVector.of(field, codes);
        }
        double[] encoded = new double[internal.length];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = domain.encode(internal[i]);
        }
        return DoubleVector.of(name, encoded);
    }

    /** One tree on a bootstrap sample, with the features in a random order. */
    private static Tree grow(DataFrame x, double[] y, StructField response, int maxDepth, SplittableRandom random) {
        int n = y.length;
        int p = x.ncol();
        int[] samples = new int[n];
        for (int i = 0; i < n; i++) {
            samples[random.nextInt(n)]++;
        }
        int[] features = IntStream.range(0, p).toArray();
        for (int i = p - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = features[i];
            features[i] = features[j];
            features[j] = swap;
        }
        DataFrame columns = x.select(features);
        RegressionTree tree = new RegressionTree(columns, Loss.ls(y), response, maxDepth, Math.max(2, n), 1, p,
                samples, CART.order(columns));
        return new Tree(tree, features, columns.schema());
    }

    FeatureDomain[] domains() {
        return domains.clone();
    }

    /**
     * Mean decrease impurity per feature as scikit-learn's {@code feature_importances_} computes it (what Optuna
     * reads): each tree's decrease of squared error per feature scaled to sum to 1, averaged over the trees that
     * split at all. smile's {@code forest.importance()} sums the raw decreases instead, which lets the few trees
     * whose bootstrap sample holds an outlier outvote all the others.
     */
    double[] impurityDecrease() {
        double[] mean = new double[domains.length];
        int splitting = 0;
        for (Tree t : trees) {
            double[] decrease = t.tree().importance();
            double total = 0;
            for (double d : decrease) {
                total += Math.max(0, d);
            }
            if (total > 0) {
                splitting++;
                for (int c = 0; c < decrease.length; c++) {
                    mean[t.features()[c]] += Math.max(0, decrease[c]) / total;
                }
            }
        }
        for (int f = 0; f < mean.length && splitting > 0; f++) {
            mean[f] /= splitting;
        }
        return mean;
    }

    /** Every tree of the forest as a partition of the search space, in parameter indices. */
    List<PartitionNode> partitions() {
        List<PartitionNode> out = new ArrayList<>();
        for (Tree t : trees) {
            out.add(convert(t, t.tree().root()));
        }
        return out;
    }

    private PartitionNode convert(Tree t, Node node) {
        if (node instanceof RegressionNode leaf) {
            return new PartitionNode.Leaf(leaf.output());
        }
        InternalNode split = (InternalNode) node;
        int column = split.feature();
        int f = t.features()[column];
        PartitionNode left = convert(t, split.trueChild());
        PartitionNode right = convert(t, split.falseChild());
        if (split instanceof NominalNode) {
            return new PartitionNode.Split(f, Double.NaN, category(t, split, column), left, right);
        }
        if (split instanceof OrdinalNode) {
            return new PartitionNode.Split(f, threshold(t, split, column), -1, left, right);
        }
        throw new IllegalStateException("unexpected smile tree node " + node.getClass().getName());
    }

    /** The category a nominal split sends left; smile keeps it private, so ask the node. */
    private int category(Tree t, InternalNode split, int column) {
        for (int c = 0; c < domains[t.features()[column]].categories(); c++) {
            if (split.branch(point(t, column, c))) {
                return c;
            }
        }
        return -1;
    }

    /**
     * The threshold of an ordinal split (left when {@code x <= t}); smile keeps it private, so it is found by
     * bisection on the node's own decision, to the resolution of a double.
     */
    private double threshold(Tree t, InternalNode split, int column) {
        FeatureDomain d = domains[t.features()[column]];
        double lo = d.low();
        double hi = d.high();
        if (!split.branch(point(t, column, lo))) {
            return Double.NEGATIVE_INFINITY;
        }
        if (split.branch(point(t, column, hi))) {
            return Double.POSITIVE_INFINITY;
        }
        for (int i = 0; i < 200; i++) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (split.branch(point(t, column, mid))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** A point in the tree's columns: {@code value} in {@code column}, 0 elsewhere. */
    private Tuple point(Tree t, int column, double value) {
        Object[] row = new Object[t.features().length];
        for (int c = 0; c < row.length; c++) {
            boolean nominal = domains[t.features()[c]].nominal();
            double v = c == column ? value : 0;
            row[c] = nominal ? (Object) (int) v : (Object) v;
        }
        return Tuple.of(row, t.schema());
    }
}
