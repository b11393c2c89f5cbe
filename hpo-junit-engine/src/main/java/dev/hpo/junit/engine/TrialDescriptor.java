package dev.hpo.junit.engine;

import java.util.Set;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * One trial of a study run, registered as a dynamic test under its objective as soon as its parameters are known.
 * Its name, fixed before it runs, carries the trial number and the parameters
 * ({@code accuracy()[7] trees=120, maxDepth=12}); the value goes to the report entry and the storage.
 */
final class TrialDescriptor extends AbstractTestDescriptor {

    static final String SEGMENT_TYPE = "trial";

    private final Set<TestTag> tags;

    TrialDescriptor(ObjectiveDescriptor objective, int number, String displayName) {
        super(trialId(objective.getUniqueId(), number), displayName, source(objective));
        this.tags = objective.getTags();
    }

    static UniqueId trialId(UniqueId objectiveId, int number) {
        return objectiveId.append(SEGMENT_TYPE, Integer.toString(number));
    }

    private static TestSource source(ObjectiveDescriptor objective) {
        return objective.getSource().orElse(null);
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }
}
