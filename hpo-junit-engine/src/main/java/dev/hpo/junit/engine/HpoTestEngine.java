package dev.hpo.junit.engine;

import dev.hpo.junit.Objective;
import dev.hpo.storage.Storage;
import dev.hpo.storage.Storages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;

/**
 * The JUnit Platform engine {@code hpo}: discovers {@link Objective} methods through JUnit's own selector resolution
 * (classes, methods, packages, classpath roots, modules, unique ids, with the class name filters; tag filters apply
 * to Jupiter's {@code @Tag} on the class or method), and runs each as a smoke test or as a whole study depending on
 * the configuration parameter {@code hpo.mode} (see {@link HpoConfiguration}). Discovery reads annotations only: it
 * never opens a storage and does not depend on hpo's configuration, because surefire discovers twice, the first time
 * without configuration parameters; only the Jupiter parameters that change a test class do, as they change
 * Jupiter's discovery: the order of classes and objectives ({@link JupiterOrder}), and the lifecycle default,
 * extension auto-detection and {@code @TempDir} defaults ({@link JupiterDefaults}).
 *
 * <p>Registered through {@code META-INF/services/org.junit.platform.engine.TestEngine}, so it runs wherever the
 * JUnit Platform does: in the IDE, under surefire, and in the launcher {@code hpo:optimize} forks.
 */
public final class HpoTestEngine extends HierarchicalTestEngine<HpoExecutionContext> {

    /** The engine's id, the first segment of every unique id it creates. */
    public static final String ENGINE_ID = "hpo";

    private static final EngineDiscoveryRequestResolver<HpoEngineDescriptor> RESOLVER =
            EngineDiscoveryRequestResolver.<HpoEngineDescriptor>builder()
                    .addClassContainerSelectorResolver(ObjectiveClasses::isCandidate)
                    .addSelectorResolver(context -> new ObjectiveSelectorResolver(context.getClassNameFilter(),
                            JupiterDefaults.of(context.getDiscoveryRequest().getConfigurationParameters())))
                    .build();

    private final Function<String, Storage> storages;

    /** The engine as {@code ServiceLoader} creates it: storages are opened by URL with {@link Storages#open}. */
    public HpoTestEngine() {
        this(Storages::open);
    }

    /** An engine that opens storages with the given function (tests hand it a storage they inspect). */
    HpoTestEngine(Function<String, Storage> storages) {
        this.storages = storages;
    }

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.hpo");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("hpo-junit-engine");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        HpoEngineDescriptor engine = new HpoEngineDescriptor(uniqueId);
        RESOLVER.resolve(request, engine);
        rejectSharedStudyNames(engine);
        engine.rememberStudyNames();
        JupiterOrder.apply(engine, request.getConfigurationParameters());
        return engine;
    }

    /** Two objectives with one study name would write into one study: both fail, each naming the other. */
    private static void rejectSharedStudyNames(HpoEngineDescriptor engine) {
        Map<String, List<ObjectiveDescriptor>> byName = new LinkedHashMap<>();
        engine.accept(d -> {
            if (d instanceof ObjectiveDescriptor o) {
                byName.computeIfAbsent(o.studyName(), k -> new ArrayList<>()).add(o);
            }
        });
        byName.forEach((name, objectives) -> {
            if (objectives.size() > 1) {
                List<String> methods = objectives.stream()
                        .map(o -> o.method().getDeclaringClass().getName() + "." + o.method().getName()).toList();
                for (ObjectiveDescriptor o : objectives) {
                    o.markInvalid("study name '" + name + "' is used by " + objectives.size() + " objectives "
                            + methods + "; give each its own @Objective(name = ...)");
                }
            }
        });
    }

    @Override
    protected HpoExecutionContext createExecutionContext(ExecutionRequest request) {
        return new HpoExecutionContext(request.getConfigurationParameters(),
                new TrialEvents(request.getEngineExecutionListener()), storages);
    }
}
