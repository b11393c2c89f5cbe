package dev.hpo.junit.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * The root of the hpo engine's tree; when every objective has finished, closes what Jupiter extensions stored for the
 * whole run, then the run's storage.
 */
final class HpoEngineDescriptor extends EngineDescriptor implements Node<HpoExecutionContext> {

    HpoEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "hpo");
    }

    @Override
    public void after(HpoExecutionContext context) throws Exception {
        Throwable failure = context.closeExtensionRoot();
        context.closeStorage();
        JupiterLifecycle.rethrow(failure);
    }
}
