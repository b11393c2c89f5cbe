package dev.hpo.terminator;

import dev.hpo.Study;

/** How much a study's best value may still improve, in the objective's own units: the first half of a
 * {@link Terminator}'s comparison. */
@FunctionalInterface
public interface ImprovementEvaluator {

    /**
     * An upper bound on the improvement still possible, at least 0, infinite when nothing can be said yet; or, for
     * {@link BestValueStagnationEvaluator}, the trials still allowed without a new best value, below 0 once they
     * are spent.
     */
    double evaluate(Study study);
}
