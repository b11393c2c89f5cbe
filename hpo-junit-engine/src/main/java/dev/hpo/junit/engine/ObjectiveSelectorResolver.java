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
import org.junit.platform.engine.discovery.IterationSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.NestedClassSelector;
import org.junit.platform.engine.discovery.NestedMethodSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

/**
 * Resolves class, method and unique-id selectors to objective descriptors; package, classpath-root and module
 * selectors reach it as class selectors through JUnit's class container resolver. A Jupiter {@code @Nested} class
 * resolves inside its enclosing class's descriptor, and selecting a class selects its nested ones. A unique id of a
 * trial selects its objective (trials are dynamic: rerunning one reruns the study run it belonged to, as for
 * Jupiter's dynamic tests).
 */
final class ObjectiveSelectorResolver implements SelectorResolver {

    private final Predicate<String> classNameFilter;
    private final JupiterDefaults defaults;

    /** {@code defaults}: the Jupiter configuration that discovery applies to every objective class. */
    ObjectiveSelectorResolver(Predicate<String> classNameFilter, JupiterDefaults defaults) {
        this.classNameFilter = classNameFilter;
        this.defaults = defaults;
    }

    /**
     * A class with objectives, or a {@code @Nested} class with some inside its enclosing class's descriptor (as Jupiter
     * resolves one); the class name filter applies to the outermost class, which a nested class runs only with.
     */
    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        Class<?> type = selector.getJavaClass();
        Class<?> outermost = ObjectiveClasses.enclosingChain(type).get(0);
        if (!classNameFilter.test(outermost.getName())) {
            return Resolution.unresolved();
        }
        Optional<ObjectiveClassDescriptor> resolved;
        if (ObjectiveClasses.isNested(type)) {
            if (!ObjectiveClasses.hasObjectives(type)) {
                return Resolution.unresolved();
            }
            resolved = context.addToParent(() -> selectClass(type.getEnclosingClass()),
                    parent -> parent instanceof ObjectiveClassDescriptor enclosing
                            ? Optional.of(ObjectiveClassDescriptor.nested(enclosing, type, defaults))
                            : Optional.empty());
        } else if (ObjectiveClasses.isCandidate(type)) {
            resolved = context.addToParent(parent -> Optional.of(ObjectiveClassDescriptor.of(parent.getUniqueId(),
                    type, defaults)));
        } else {
            return Resolution.unresolved();
        }
        return resolved.map(descriptor -> Resolution.match(Match.exact(descriptor, () -> childSelectors(type))))
                .orElse(Resolution.unresolved());
    }

    /** The class's objectives, then its {@code @Nested} classes with objectives, as Jupiter orders them. */
    private static Set<DiscoverySelector> childSelectors(Class<?> type) {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        for (Method m : ObjectiveClasses.objectives(type)) {
            selectors.add(selectMethod(type, m));
        }
        for (Class<?> nested : ObjectiveClasses.nestedClasses(type)) {
            selectors.add(selectClass(nested));
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
                                defaults)))
                .map(descriptor -> Resolution.match(Match.exact(descriptor)))
                .orElse(Resolution.unresolved());
    }

    /** A nested class selected with its enclosing classes (as IDEs do): resolved as the class itself. */
    @Override
    public Resolution resolve(NestedClassSelector selector, Context context) {
        return resolve(selectClass(selector.getNestedClass()), context);
    }

    /** A method of a nested class selected with its enclosing classes (as IDEs do): resolved as the method itself. */
    @Override
    public Resolution resolve(NestedMethodSelector selector, Context context) {
        return resolve(selectMethod(selector.getNestedClass(), selector.getMethod()), context);
    }

    /**
     * Invocations of an objective (what IDEs and the console launcher send to rerun some iterations): its trials are
     * dynamic, so this selects the objective's study run, as a trial's unique id does.
     */
    @Override
    public Resolution resolve(IterationSelector selector, Context context) {
        DiscoverySelector parent = selector.getParentSelector();
        return parent instanceof MethodSelector || parent instanceof NestedMethodSelector
                ? Resolution.selectors(Set.of(parent)) : Resolution.unresolved();
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        List<UniqueId.Segment> segments = selector.getUniqueId().getSegments();
        // [engine:hpo]/[class:…]/[nested-class:…]*/[objective:…]/[trial:…]
        if (segments.size() < 2 || !segments.get(0).getValue().equals(HpoTestEngine.ENGINE_ID)
                || !segments.get(1).getType().equals(ObjectiveClassDescriptor.SEGMENT_TYPE)) {
            return Resolution.unresolved();
        }
        Optional<Class<?>> loaded = ReflectionSupport.tryToLoadClass(segments.get(1).getValue()).toOptional();
        if (loaded.isEmpty()) {
            return Resolution.unresolved();
        }
        Class<?> type = loaded.get();
        int next = 2;
        for (; next < segments.size() && segments.get(next).getType().equals(
                ObjectiveClassDescriptor.NESTED_SEGMENT_TYPE); next++) {
            String name = segments.get(next).getValue();
            Optional<Class<?>> nested = ObjectiveClasses.nestedClasses(type).stream()
                    .filter(c -> c.getSimpleName().equals(name)).findFirst();
            if (nested.isEmpty()) {
                return Resolution.unresolved();
            }
            type = nested.get();
        }
        if (next == segments.size()) {
            return Resolution.selectors(Set.of(selectClass(type)));
        }
        if (!segments.get(next).getType().equals(ObjectiveDescriptor.SEGMENT_TYPE)) {
            return Resolution.unresolved();
        }
        for (Method m : ObjectiveClasses.objectives(type)) {
            if (ObjectiveDescriptor.segment(m).equals(segments.get(next).getValue())) {
                return Resolution.selectors(Set.of(selectMethod(type, m)));
            }
        }
        return Resolution.unresolved();
    }
}
