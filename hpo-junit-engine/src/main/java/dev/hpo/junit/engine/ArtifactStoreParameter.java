package dev.hpo.junit.engine;

import dev.hpo.Trial;
import dev.hpo.artifact.ArtifactStore;

/**
 * An {@link ArtifactStore} parameter of an objective method: the store of the run ({@code hpo.artifacts}) is injected,
 * for {@code Artifacts.upload(trial, file, store)}.
 */
record ArtifactStoreParameter() implements ObjectiveParameter {

    @Override
    public Object argument(Trial trial, ArtifactStore artifacts, JupiterScope scope) {
        return artifacts;
    }
}
