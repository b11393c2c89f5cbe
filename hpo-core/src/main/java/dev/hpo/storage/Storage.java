package dev.hpo.storage;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import dev.hpo.space.Distribution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where studies and trials live: the single source of truth that the study, the JUnit engine, the Maven goal and
 * the report all read back. Implementations are safe for many threads, and the persistent ones for many
 * processes at once, which is why the storage, not the caller, allocates trial numbers.
 *
 * <p>The operations mirror Optuna's storage so that files and databases can be shared with it. Parameter values
 * cross this interface in their internal representation (see {@link Distribution}).
 */
public interface Storage extends AutoCloseable {

    /** Creates a study and returns its id; throws {@link DuplicateStudyException} when the name is taken. */
    long createStudy(String name, List<Direction> directions);

    /** The id of the study with that name, if there is one. */
    Optional<Long> findStudy(String name);

    /** Everything but the trials of one study; throws {@link StorageException} for an unknown id. */
    StudyInfo study(long studyId);

    /** All studies, in creation order. */
    List<StudyInfo> studies();

    /** Deletes a study and its trials. */
    void deleteStudy(long studyId);

    void setStudyUserAttr(long studyId, String key, Object value);

    void setStudySystemAttr(long studyId, String key, Object value);

    /**
     * Creates a trial and returns its id. With a {@code null} template the trial is RUNNING from now; otherwise
     * it copies the template's state, values, params, intermediate values, attributes and times (this is how
     * enqueued WAITING trials and {@code addTrial} are stored). The template's number and id are ignored: the
     * storage gives the next number of the study.
     */
    long createTrial(long studyId, FrozenTrial template);

    /**
     * Creates a RUNNING trial, as {@code createTrial(studyId, null)} does, and returns it as {@link #trial} would
     * read it back. {@code Study.ask} calls it for every new trial; a storage that knows the new trial without
     * reading it (a database that returns the number it gave) overrides it to save that read.
     */
    default FrozenTrial createRunningTrial(long studyId) {
        return trial(createTrial(studyId, null));
    }

    /** Sets a parameter of a RUNNING trial; throws when the trial is finished. */
    void setTrialParam(long trialId, String name, double internalValue, Distribution distribution);

    /**
     * Moves a trial to a new state. Returns false, changing nothing, when {@code state} is RUNNING and the trial
     * is not WAITING any more: another worker took it, and may have finished it too (Optuna's {@code ask} moves on
     * to the next waiting trial then). Any other change of a finished trial throws.
     *
     * @param values one per direction, or {@code null}
     */
    boolean setTrialState(long trialId, TrialState state, List<Double> values);

    void setTrialIntermediateValue(long trialId, int step, double value);

    void setTrialUserAttr(long trialId, String key, Object value);

    void setTrialSystemAttr(long trialId, String key, Object value);

    /** One trial; throws {@link StorageException} for an unknown id. */
    FrozenTrial trial(long trialId);

    /** All trials of a study, in number order, as a list that does not change (and may not be changed). */
    List<FrozenTrial> trials(long studyId);

    /**
     * The trials of a study in the given states, in number order, as a list that does not change (and may not be
     * changed). Samplers ask for the finished ones at every trial, so storages that hold trials in memory answer
     * without a pass over the study.
     */
    default List<FrozenTrial> trials(long studyId, Set<TrialState> states) {
        List<FrozenTrial> all = trials(studyId);
        List<FrozenTrial> out = new ArrayList<>(all.size());
        for (FrozenTrial t : all) {
            if (states.contains(t.state())) {
                out.add(t);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Records that the worker running this trial is alive. */
    void recordHeartbeat(long trialId);

    /** RUNNING trials of the study whose last heartbeat is older than {@code grace}. */
    List<Long> staleTrials(long studyId, Duration grace);

    /** Releases files, connections and threads. */
    @Override
    void close();
}
