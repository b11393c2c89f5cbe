package dev.hpo.terminator;

import dev.hpo.Study;

/** How precisely a trial's value is known, in the objective's own units: the second half of a {@link Terminator}'s
 * comparison. An improvement smaller than this error cannot be told apart from noise. */
@FunctionalInterface
public interface ErrorEvaluator {

    /** The statistical error of the study's values, at least 0. */
    double evaluate(Study study);
}
