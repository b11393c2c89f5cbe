package dev.hpo.importance;

/**
 * A regression tree reduced to what the functional ANOVA needs: axis-aligned splits and constant leaves.
 * Read from a fitted smile tree by {@link ForestSurrogate}.
 */
sealed interface PartitionNode permits PartitionNode.Split, PartitionNode.Leaf {

    /** A leaf predicting {@code value} on its cell. */
    record Leaf(double value) implements PartitionNode {
    }

    /**
     * A split of one feature. For a numeric feature a point goes {@code left} when its value is at most
     * {@code threshold}; for a categorical one when it equals {@code category}.
     */
    record Split(int feature, double threshold, int category, PartitionNode left, PartitionNode right)
            implements PartitionNode {
    }
}
