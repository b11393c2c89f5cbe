package dev.hpo.terminator;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialCallback;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Stops a study once its {@link Terminator} says more trials would chase noise (Optuna's
 * {@code TerminatorCallback}).
 *
 * <p>Each judgement is kept as a study system attribute, {@value #EVALUATION_ATTR_PREFIX} and the number of the
 * trial after which it was made, holding {@code completeTrials}, {@code improvement} and {@code error}: the
 * report draws the bound against the error from them ({@link #evaluations}) instead of fitting a Gaussian process
 * again for every trial, as Optuna's {@code plot_terminator_improvement} must. A study attribute, because a
 * finished trial can no longer be changed.
 */
public final class TerminatorCallback implements TrialCallback {

    /** Study system attribute prefix of the stored judgements; the trial number follows. */
    public static final String EVALUATION_ATTR_PREFIX = "hpo:terminator:";

    private final Terminator terminator;
    private volatile Terminator.Evaluation stoppedBy;

    /** With the default {@link Terminator}. */
    public TerminatorCallback() {
        this(new Terminator());
    }

    public TerminatorCallback(Terminator terminator) {
        this.terminator = terminator;
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial) {
        Terminator.Evaluation evaluation = terminator.evaluate(study).orElse(null);
        if (evaluation == null) {
            return;
        }
        if (Double.isFinite(evaluation.improvement()) && Double.isFinite(evaluation.error())) {
            Map<String, Object> stored = new LinkedHashMap<>();
            stored.put("completeTrials", evaluation.completeTrials());
            stored.put("improvement", evaluation.improvement());
            stored.put("error", evaluation.error());
            study.setSystemAttr(EVALUATION_ATTR_PREFIX + trial.number(), stored);
        }
        if (evaluation.shouldTerminate()) {
            stoppedBy = evaluation;
            study.stop();
        }
    }

    /** Whether this callback has stopped a study, for a log line saying why the study ended early. */
    public boolean stoppedStudy() {
        return stoppedBy != null;
    }

    /** Why it stopped the study (see {@link Terminator.Evaluation#reason}); empty while it has not. */
    public String reason() {
        Terminator.Evaluation e = stoppedBy;
        return e == null ? "" : e.reason();
    }

    /**
     * The judgements stored in a study's system attributes, by the number of the trial after which each was made;
     * entries another tool wrote in another shape are skipped.
     */
    public static SortedMap<Integer, Terminator.Evaluation> evaluations(Map<String, Object> studySystemAttrs) {
        SortedMap<Integer, Terminator.Evaluation> out = new TreeMap<>();
        studySystemAttrs.forEach((key, value) -> {
            if (!key.startsWith(EVALUATION_ATTR_PREFIX) || !(value instanceof Map<?, ?> stored)) {
                return;
            }
            int trial;
            try {
                trial = Integer.parseInt(key.substring(EVALUATION_ATTR_PREFIX.length()));
            } catch (NumberFormatException e) {
                return;
            }
            if (stored.get("completeTrials") instanceof Number n && stored.get("improvement") instanceof Number i
                    && stored.get("error") instanceof Number err) {
                out.put(trial, new Terminator.Evaluation(n.intValue(), i.doubleValue(), err.doubleValue()));
            }
        });
        return out;
    }
}
