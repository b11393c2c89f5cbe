package dev.hpo.pruner;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Hyperband (Li et al., JMLR 18(185), 2018) on top of asynchronous successive halving, as Optuna's
 * {@code HyperbandPruner}: several {@link SuccessiveHalvingPruner} "brackets" that trade many cheap
 * configurations against few well-trained ones. Bracket s starts pruning at r·η^s, so bracket 0 is the most
 * aggressive. There are ⌊log_η(R / r)⌋ + 1 brackets (R = {@code maxResource}, r = {@code minResource},
 * η = {@code reductionFactor}), bracket s receiving a share ⌈n·η^(n-1-s) / (n-s)⌉ of the trials (n brackets).
 *
 * <p>A trial's bracket is a pure function of the study name and the trial number (CRC-32 of
 * {@code "<study>_<number>"}, Optuna's rule), so every worker, and Optuna itself, puts it in the same bracket;
 * give the study a name to make pruning reproducible. A trial competes only with trials of its own bracket.
 *
 * <p>Options: {@code minResource} (1), {@code maxResource} ({@code auto}: one more than the largest last step of
 * the first completed trial(s); nothing is pruned until one completes), {@code reductionFactor} (3),
 * {@code bootstrapCount} (0; needs an explicit {@code maxResource}).
 */
public final class HyperbandPruner implements Pruner {

    private static final EnumSet<TrialState> COMPLETE = EnumSet.of(TrialState.COMPLETE);

    private final int minResource;
    private final Integer fixedMaxResource;
    private final int reductionFactor;
    private final int bootstrapCount;
    private volatile Brackets brackets;

    /** The brackets, fixed once the maximum resource is known. */
    private record Brackets(List<SuccessiveHalvingPruner> pruners, int[] budgets, int totalBudget) {

        int bracketOf(String studyName, int trialNumber) {
            CRC32 crc = new CRC32();
            crc.update((studyName + "_" + trialNumber).getBytes(StandardCharsets.UTF_8));
            long n = crc.getValue() % totalBudget;
            for (int b = 0; b < budgets.length; b++) {
                n -= budgets[b];
                if (n < 0) {
                    return b;
                }
            }
            throw new IllegalStateException("bracket budgets " + java.util.Arrays.toString(budgets)
                    + " do not add up to " + totalBudget);
        }
    }

    /** Hyperband with Optuna's defaults. */
    public HyperbandPruner() {
        this(builder());
    }

    private HyperbandPruner(Builder b) {
        this.minResource = Checks.atLeast("minResource", b.minResource, 1);
        this.reductionFactor = Checks.atLeast("reductionFactor", b.reductionFactor, 2);
        this.bootstrapCount = Checks.atLeast("bootstrapCount", b.bootstrapCount, 0);
        if (b.maxResource != null && b.maxResource < b.minResource) {
            throw new IllegalArgumentException("maxResource must be at least minResource " + b.minResource + ", got "
                    + b.maxResource);
        }
        if (bootstrapCount > 0 && b.maxResource == null) {
            throw new IllegalArgumentException("bootstrapCount " + bootstrapCount + " needs an explicit maxResource,"
                    + " not auto");
        }
        this.fixedMaxResource = b.maxResource;
        if (fixedMaxResource != null) {
            this.brackets = createBrackets(fixedMaxResource);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The number of brackets, or -1 while {@code maxResource} is {@code auto} and no trial has completed. */
    public int bracketCount() {
        Brackets b = brackets;
        return b == null ? -1 : b.pruners().size();
    }

    /**
     * The bracket of a trial of the named study, or -1 while the brackets are not known yet (automatic
     * {@code maxResource} and no completed trial).
     */
    public int bracketOf(String studyName, int trialNumber) {
        Brackets b = brackets;
        return b == null ? -1 : b.bracketOf(studyName, trialNumber);
    }

    @Override
    public boolean prune(Study study, FrozenTrial trial) {
        Brackets b = brackets != null ? brackets : initialize(study);
        if (b == null) {
            return false;
        }
        int bracket = b.bracketOf(study.name(), trial.number());
        return b.pruners().get(bracket).prune(study, trial, () -> study.trials().stream()
                .filter(t -> b.bracketOf(study.name(), t.number()) == bracket)
                .toList());
    }

    private synchronized Brackets initialize(Study study) {
        if (brackets == null) {
            int lastStep = -1;
            for (FrozenTrial t : study.trials(COMPLETE)) {
                lastStep = Math.max(lastStep, t.lastStep());
            }
            if (lastStep < 0) {
                return null;
            }
            brackets = createBrackets(Math.max(lastStep + 1, minResource));
        }
        return brackets;
    }

    private Brackets createBrackets(int maxResource) {
        int n = (int) Math.floor(Math.log((double) maxResource / minResource) / Math.log(reductionFactor)) + 1;
        List<SuccessiveHalvingPruner> pruners = new ArrayList<>(n);
        int[] budgets = new int[n];
        int total = 0;
        for (int bracket = 0; bracket < n; bracket++) {
            int s = n - 1 - bracket;
            budgets[bracket] = (int) Math.ceil(n * Math.pow(reductionFactor, s) / (s + 1));
            total += budgets[bracket];
            pruners.add(new SuccessiveHalvingPruner(minResource, reductionFactor, bracket, bootstrapCount));
        }
        return new Brackets(List.copyOf(pruners), budgets, total);
    }

    @Override
    public String toString() {
        return "HyperbandPruner(minResource=" + minResource + ", maxResource="
                + (fixedMaxResource == null ? "auto" : fixedMaxResource) + ", reductionFactor=" + reductionFactor
                + ", bootstrapCount=" + bootstrapCount + ")";
    }

    /** Options of a {@link HyperbandPruner}, with Optuna's defaults. */
    public static final class Builder {
        private int minResource = 1;
        private Integer maxResource;
        private int reductionFactor = 3;
        private int bootstrapCount;

        private Builder() {
        }

        /** r, at least 1: the steps of the first rung of the most aggressive bracket. */
        public Builder minResource(int minResource) {
            this.minResource = minResource;
            return this;
        }

        /** R, at least {@code minResource}: the most steps a trial runs (the number of epochs, say). */
        public Builder maxResource(int maxResource) {
            this.maxResource = Checks.atLeast("maxResource", maxResource, 1);
            return this;
        }

        /** Take R from the first completed trial (the default). */
        public Builder maxResourceAuto() {
            this.maxResource = null;
            return this;
        }

        /** η, at least 2. */
        public Builder reductionFactor(int reductionFactor) {
            this.reductionFactor = reductionFactor;
            return this;
        }

        /** Trials that must complete a rung before any is promoted from it, at least 0. */
        public Builder bootstrapCount(int bootstrapCount) {
            this.bootstrapCount = bootstrapCount;
            return this;
        }

        public HyperbandPruner build() {
            return new HyperbandPruner(this);
        }
    }
}
