package dev.hpo.importance;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import smile.base.cart.InternalNode;
import smile.base.cart.NominalNode;
import smile.base.cart.Node;
import smile.base.cart.OrdinalNode;
import smile.base.cart.RegressionNode;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.measure.NominalScale;
import smile.data.type.DataTypes;
import smile.data.type.StructField;
import smile.data.type.StructType;
import smile.data.vector.BaseVector;
import smile.data.vector.DoubleVector;
import smile.data.vector.IntVector;
import smile.regression.RandomForest;
import smile.regression.RegressionTree;

/**
 * A random forest (smile's {@link RandomForest}, bootstrap samples, every feature tried at every split)
 * that predicts the target from the parameters, as the surrogate of {@link FanovaImportance} and
 * {@link MeanDecreaseImpurityImportance}. Numeric parameters are features in their {@link FeatureDomain}
 * coordinates (log space for log parameters), categorical ones are nominal features.
 */
final class ForestSurrogate {

    private static final String TARGET = "y";

    private final RandomForest forest;
    private final FeatureDomain[] domains;
    private final StructType predictors;

    private ForestSurrogate(RandomForest forest, FeatureDomain[] domains, StructType predictors) {
        this.forest = forest;
        this.domains = domains;
        this.predictors = predictors;
    }

    /** Fits the forest on the input's trials; needs at least two trials. */
    static ForestSurrogate fit(ImportanceInput input, int trees, int maxDepth, long seed) {
        int p = input.varying().size();
        int n = input.trials().size();
        FeatureDomain[] domains = new FeatureDomain[p];
        List<BaseVector<?, ?, ?>> columns = new ArrayList<>();
        List<StructField> fields = new ArrayList<>();
        for (int f = 0; f < p; f++) {
            String name = input.varying().get(f);
            domains[f] = FeatureDomain.of(input.distributions().get(name));
            double[] internal = input.column(name);
            String column = "x" + f;
            if (domains[f].nominal()) {
                String[] labels = new String[domains[f].categories()];
                for (int c = 0; c < labels.length; c++) {
                    labels[c] = "c" + c;
                }
                StructField field = new StructField(column, DataTypes.IntegerType, new NominalScale(labels));
                int[] codes = new int[n];
                for (int i = 0; i < n; i++) {
                    codes[i] = (int) internal[i];
                }
                columns.add(IntVector.of(field, codes));
                fields.add(field);
            } else {
                double[] encoded = new double[n];
                for (int i = 0; i < n; i++) {
                    encoded[i] = domains[f].encode(internal[i]);
                }
                DoubleVector v = DoubleVector.of(column, encoded);
                columns.add(v);
                fields.add(v.field());
            }
        }
        columns.add(DoubleVector.of(TARGET, input.targets().clone()));
        DataFrame data = DataFrame.of(columns.toArray(new BaseVector<?, ?, ?>[0]));
        SplittableRandom random = new SplittableRandom(seed);
        // smile seeds a tree only when its seed is > 1, otherwise it uses a shared, unseeded generator
        long[] treeSeeds = LongStream.generate(() -> (random.nextLong() >>> 1) | 2).limit(trees).toArray();
        RandomForest forest = RandomForest.fit(Formula.lhs(TARGET), data, trees, p, maxDepth, Math.max(2, n), 1, 1.0,
                LongStream.of(treeSeeds));
        return new ForestSurrogate(forest, domains, new StructType(fields));
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
        for (RegressionTree tree : forest.trees()) {
            double[] decrease = tree.importance();
            double total = 0;
            for (double d : decrease) {
                total += Math.max(0, d);
            }
            if (total > 0) {
                splitting++;
                for (int f = 0; f < mean.length; f++) {
                    mean[f] += Math.max(0, decrease[f]) / total;
                }
            }
        }
        for (int f = 0; f < mean.length && splitting > 0; f++) {
            mean[f] /= splitting;
        }
        return mean;
    }

    /** Every tree of the forest as a partition of the search space. */
    List<PartitionNode> partitions() {
        List<PartitionNode> out = new ArrayList<>();
        for (RegressionTree tree : forest.trees()) {
            out.add(convert(tree.root()));
        }
        return out;
    }

    private PartitionNode convert(Node node) {
        if (node instanceof RegressionNode leaf) {
            return new PartitionNode.Leaf(leaf.output());
        }
        InternalNode split = (InternalNode) node;
        int f = split.feature();
        PartitionNode left = convert(split.trueChild());
        PartitionNode right = convert(split.falseChild());
        if (split instanceof NominalNode) {
            return new PartitionNode.Split(f, Double.NaN, category(split, f), left, right);
        }
        if (split instanceof OrdinalNode) {
            return new PartitionNode.Split(f, threshold(split, f), -1, left, right);
        }
        throw new IllegalStateException("unexpected smile tree node " + node.getClass().getName());
    }

    /** The category a nominal split sends left; smile keeps it private, so ask the node. */
    private int category(InternalNode split, int f) {
        for (int c = 0; c < domains[f].categories(); c++) {
            if (split.branch(point(f, c))) {
                return c;
            }
        }
        return -1;
    }

    /**
     * The threshold of an ordinal split (left when {@code x <= t}); smile keeps it private, so it is found by
     * bisection on the node's own decision, to the resolution of a double.
     */
    private double threshold(InternalNode split, int f) {
        double lo = domains[f].low();
        double hi = domains[f].high();
        if (!split.branch(point(f, lo))) {
            return Double.NEGATIVE_INFINITY;
        }
        if (split.branch(point(f, hi))) {
            return Double.POSITIVE_INFINITY;
        }
        for (int i = 0; i < 200; i++) {
            double mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (split.branch(point(f, mid))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private Tuple point(int feature, double value) {
        Object[] row = new Object[domains.length];
        for (int f = 0; f < row.length; f++) {
            row[f] = domains[f].nominal() ? (Object) 0 : (Object) 0.0;
        }
        row[feature] = domains[feature].nominal() ? (Object) (int) value : (Object) value;
        return Tuple.of(row, predictors);
    }
}
