package dev.hpo.importance;

/**
 * The size and seed of the random-forest surrogate that the forest-based evaluators (fANOVA, mean decrease
 * impurity) fit; validated once here for both.
 *
 * @param evaluator the evaluator's name, for error messages
 */
record ForestSettings(String evaluator, int trees, int maxDepth, long seed) {

    ForestSettings {
        if (trees < 1) {
            throw new IllegalArgumentException(evaluator + " needs at least one tree, got trees=" + trees);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException(evaluator + " needs maxDepth >= 1, got " + maxDepth);
        }
    }

    ForestSurrogate fit(ImportanceInput input) {
        return ForestSurrogate.fit(input, trees, maxDepth, seed);
    }

    @Override
    public String toString() {
        return evaluator + "(trees=" + trees + ", maxDepth=" + maxDepth + ", seed=" + seed + ")";
    }
}
