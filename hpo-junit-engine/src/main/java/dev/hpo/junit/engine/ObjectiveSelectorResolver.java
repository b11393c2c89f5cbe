package dev.hpo.junit.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves class, method and unique-id selectors to objective descriptors; package, classpath-root and module
 * selectors reach it as class selectors through JUnit's class container resolver. A unique id of a trial selects its
 * objective (trials are dynamic: rerunning one reruns the study run it belonged to, as for Jupiter's dynamic tests).
 */
final class ObjectiveSelectorResolver implements SelectorResolver {

    private final Predicate<String> classNameFilter;
    private final boolean autodetection;

    /** {@code autodetection}: Jupiter extensions are auto-detected, so every objective runs in extension contexts. */
    ObjectiveSelectorResolver(Predicate<String> classNameFilter, boolean autodetection) {
        this.classNameFilter = classNameFilter;
        this.autodetection = autodetection;
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> type = selector.getJavaClass();
        if (!classNameFilter.test(type.getName()) || !ObjectiveClasses.isCandidate(type)) {
            return Resolution.unresolved();
        }
        return context.addToParent(parent -> Optional.of(new ObjectiveClassDescriptor(parent.getUniqueId(), type,
                        autodetection)))
                .map(descriptor -> Resolution.match(Match.exact(descriptor, () -> objectiveSelectors(type))))
                .orElse(Resolution.unresolved());
    }

    private static Set<DiscoverySelector> objectiveSelectors(Class<?> type) {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        for (Method m : ObjectiveClasses.objectives(type)) {
            selectors.add(selectMethod(type, m));
        }
        return selectors;
    }

    @Override
    public Resolution resolve(MethodSelector selector, Context context) {
        Class<?> type = selector.getJavaClass();
        Method method = selector.getJavaMethod();
        if (!ObjectiveClasses.isObjective(method)) {
            return Resolution.unresolved();
        }
        return context.addToParent(() -> selectClass(type),
                        parent -> Optional.of(ObjectiveDescriptor.of(parent.getUniqueId(), type, method,
                                autodetection)))
                .map(descriptor -> Resolution.match(Match.exact(descriptor)))
                .orElse(Resolution.unresolved());
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        List<UniqueId.Segment> segments = selector.getUniqueId().getSegments();
        // [engine:hpo]/[class:…]/[objective:…]/[trial:…]
        if (segments.size() < 2 || !segments.get(0).getValue().equals(HpoTestEngine.ENGINE_ID)
                || !segments.get(1).getType().equals(ObjectiveClassDescriptor.SEGMENT_TYPE)) {
            return Resolution.unresolved();
        }
        Optional<Class<?>> type = ReflectionSupport.tryToLoadClass(segments.get(1).getValue()).toOptional();
        if (type.isEmpty()) {
            return Resolution.unresolved();
        }
        if (segments.size() == 2) {
            return Resolution.selectors(Set.of(selectClass(type.get())));
        }
        if (!segments.get(2).getType().equals(ObjectiveDescriptor.SEGMENT_TYPE)) {
            return Resolution.unresolved();
        }
        for (Method m : ObjectiveClasses.objectives(type.get())) {
            if (ObjectiveDescriptor.segment(m).equals(segments.get(2).getValue())) {
                return Resolution.selectors(Set.of(selectMethod(type.get(), m)));
            }
        }
        return Resolution.unresolved();
    }
}
