package dev.hpo.junit.engine;

import dev.hpo.Trial;
import dev.hpo.artifact.ArtifactStore;

/** A {@link Trial} parameter of an objective method: the running trial is injected. */
record TrialParameter() implements ObjectiveParameter {

    @Override
    public Object argument(Trial trial, ArtifactStore artifacts, JupiterScope scope) {
        return trial;
    }
}
