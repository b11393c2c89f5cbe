package dev.hpo.importance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FunctionalAnovaTest {

    private static final FeatureDomain UNIT = new FeatureDomain(0, 1, false, 0);

    @Test
    void additiveTreeSplitsVarianceByMainEffects() {
        // f(a, b) = 2·[a > 0.5] + 1·[b > 0.5]: main-effect variances 1 and 0.25, total 1.25
        PartitionNode tree = new PartitionNode.Split(0, 0.5, -1,
                new PartitionNode.Split(1, 0.5, -1, leaf(0), leaf(1)),
                new PartitionNode.Split(1, 0.5, -1, leaf(2), leaf(3)));
        assertArrayEquals(new double[] {0.8, 0.2}, FunctionalAnova.varianceFractions(tree,
                new FeatureDomain[] {UNIT, UNIT}), 1e-12);
    }

    @Test
    void pureInteractionHasNoMainEffect() {
        // xor of a and b: every marginal is flat
        PartitionNode tree = new PartitionNode.Split(0, 0.5, -1,
                new PartitionNode.Split(1, 0.5, -1, leaf(0), leaf(1)),
                new PartitionNode.Split(1, 0.5, -1, leaf(1), leaf(0)));
        assertArrayEquals(new double[] {0, 0}, FunctionalAnova.varianceFractions(tree,
                new FeatureDomain[] {UNIT, UNIT}), 1e-12);
    }

    @Test
    void unevenThresholdWeighsCellsByWidth() {
        // f = 1 on a <= 0.25 (a quarter of the space): a explains everything
        PartitionNode tree = new PartitionNode.Split(0, 0.25, -1, leaf(1), leaf(0));
        assertArrayEquals(new double[] {1, 0}, FunctionalAnova.varianceFractions(tree,
                new FeatureDomain[] {UNIT, UNIT}), 1e-12);
    }

    @Test
    void categoricalSplitUsesOneCellPerChoice() {
        PartitionNode tree = new PartitionNode.Split(0, Double.NaN, 2, leaf(3), leaf(0));
        assertArrayEquals(new double[] {1}, FunctionalAnova.varianceFractions(tree,
                new FeatureDomain[] {new FeatureDomain(0, 3, false, 4)}), 1e-12);
    }

    @Test
    void constantTreeHasNoFractions() {
        assertNull(FunctionalAnova.varianceFractions(leaf(4), new FeatureDomain[] {UNIT}));
    }

    private static PartitionNode leaf(double v) {
        return new PartitionNode.Leaf(v);
    }
}
