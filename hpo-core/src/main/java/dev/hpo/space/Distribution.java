package dev.hpo.space;

/**
 * The range a parameter is drawn from. Samplers work on the <em>internal</em> representation, a double
 * (the number itself for numeric distributions, the index of the choice for categorical ones); users see the
 * <em>external</em> value ({@code Double}, {@code Integer}/{@code Long}, or the choice itself).
 *
 * <p>The set of kinds is closed, so that samplers, storages and the report can handle each one exhaustively.
 */
public sealed interface Distribution permits FloatDistribution, IntDistribution, CategoricalDistribution {

    /** The internal representation of a user value; throws when the value does not belong to this distribution. */
    double toInternal(Object external);

    /** The user value for an internal representation. */
    Object toExternal(double internal);

    /** True when the internal value lies in the distribution (within bounds, on the step grid, a valid index). */
    boolean contains(double internal);

    /** True when the distribution has exactly one possible value. */
    boolean isSingle();

    /** Optuna's name for this kind, used in storages: {@code FloatDistribution}, {@code IntDistribution}, ... */
    String kindName();
}
