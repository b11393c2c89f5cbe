package dev.hpo.maven;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether the studies of a build pass: each single-objective study with a threshold must reach it (at or
 * below for minimize, at or above for maximize), a multi-objective study with thresholds must have a trial that
 * reaches all of them at once (one on its Pareto front does, if any does), and every study must have completed
 * trials. The verdicts are sentences naming the study, its best value (or its front), the thresholds and directions. A
 * study whose run an assumption skipped ({@link StudyOutcome#skippedBy}) is not judged, as surefire does not fail a
 * skipped test.
 */
final class ThresholdGate {

    private ThresholdGate() {
    }

    /** Threshold misses, one sentence each; empty when every study reached its threshold. */
    static List<String> misses(List<StudyOutcome> outcomes) {
        return outcomes.stream().map(ThresholdGate::miss).filter(m -> m != null).toList();
    }

    /** Why a study missed its threshold(s), or {@code null} when it reached them or has none to reach. */
    static String miss(StudyOutcome o) {
        if (o.skippedBy() != null) {
            return null;
        }
        if (o.gatesSeveral()) {
            if (o.front().isEmpty() || o.front().stream().anyMatch(o::reachesThresholds)) {
                return null;  // no completed trial is the broken study's verdict, not this one's
            }
            return "study " + o.name() + ": none of its " + Numbers.count(o.paretoSize(), "Pareto-optimal trial")
                    + " reaches every threshold at once (" + o.thresholdsText() + ")";
        }
        if (o.threshold() == null || o.best() == null) {
            return null;
        }
        Direction d = o.directions().get(0);
        double best = o.best().value();
        double threshold = o.threshold();
        boolean reached = d == Direction.MINIMIZE ? best <= threshold : best >= threshold;
        return reached ? null : "study " + o.name() + ": best " + Numbers.format(best) + " (trial "
                + o.best().number() + ") missed threshold " + Numbers.format(threshold) + " ("
                + d.name().toLowerCase(Locale.ROOT) + ")";
    }

    /**
     * Studies that produced nothing to judge: no completed trial at all, or every trial this build ran failed. One
     * sentence each, with the reason the last failed trial recorded.
     */
    static List<String> broken(List<StudyOutcome> outcomes) {
        return outcomes.stream().map(ThresholdGate::broken).filter(b -> b != null).toList();
    }

    /** Why a study produced nothing to judge, or {@code null} when it has a result. */
    static String broken(StudyOutcome o) {
        if (o.skippedBy() != null) {
            return null;
        }
        List<FrozenTrial> run = o.runTrials();
        if (!run.isEmpty() && run.stream().allMatch(t -> t.state() == TrialState.FAIL)) {
            return "study " + o.name() + ": " + (run.size() == 1 ? "the only trial" : "all " + run.size() + " trials")
                    + " of this build failed" + lastReason(run);
        }
        if (o.complete() == 0) {
            return "study " + o.name() + ": no trial completed (" + o.pruned() + " pruned, " + o.failed()
                    + " failed)" + lastReason(run);
        }
        if (o.best() == null && o.front().isEmpty()) {
            return "study " + o.name() + ": none of its " + Numbers.count(o.complete(), "completed trial")
                    + " satisfies its constraints (a constraint is satisfied at or below 0), so it has no best"
                    + " parameters";
        }
        return null;
    }

    /**
     * Studies whose run an assumption skipped, one sentence each:
     * {@code study A.b skipped: an assumption failed in trial 0: Assumption failed: no GPU}.
     */
    static List<String> skipped(List<StudyOutcome> outcomes) {
        return outcomes.stream().filter(o -> o.skippedBy() != null)
                .map(o -> "study " + o.name() + " skipped: an assumption failed in " + o.skippedBy()).toList();
    }

    /**
     * The fork's failures that no study's verdict here repeats: the engine also fails the objective of a study without
     * a result (for surefire and the IDE), which {@link #broken} reports already, under the objective's own class.
     */
    static List<ForkRun.Failure> notJudged(List<ForkRun.Failure> failures, List<StudyOutcome> outcomes) {
        Set<String> judged = outcomes.stream().filter(o -> broken(o) != null).map(StudyOutcome::name)
                .collect(Collectors.toSet());
        return failures.stream().filter(f -> f.study() == null || !judged.contains(f.study())).toList();
    }

    private static String lastReason(List<FrozenTrial> run) {
        for (int i = run.size() - 1; i >= 0; i--) {
            Object reason = run.get(i).systemAttrs().get(dev.hpo.Study.FAIL_REASON_ATTR);
            if (reason != null) {
                return "; last failure: " + reason;
            }
        }
        return "";
    }
}
