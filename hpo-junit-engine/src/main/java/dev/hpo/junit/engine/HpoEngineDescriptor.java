package dev.hpo.junit.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** The root of the hpo engine's tree; closes the run's storage when every objective has finished. */
final class HpoEngineDescriptor extends EngineDescriptor implements Node<HpoExecutionContext> {

    HpoEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "hpo");
    }

    @Override
    public void after(HpoExecutionContext context) {
        context.closeStorage();
    }
}
